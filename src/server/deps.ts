/** What route handlers are given: storage, the query source, the knowledge base, the PDF renderer, a clock. */
import type { SigningKey } from "../archive/chain/signing-key.js";
import type { Store } from "../store/index.js";
import type { QuerySource } from "../store/queries/index.js";
import type { Knowledge } from "./knowledge.js";
import type { PdfRenderer } from "./pdf/pdf-renderer.js";

export interface ServerDeps {
  store: Store;
  src: QuerySource;
  knowledge: Knowledge;
  pdf: PdfRenderer;
  /** Public origin used in citations (e.g. https://clausewatch.example); null: the request's own origin. */
  publicUrl: string | null;
  now(): Date;
  /** Accept watchlist webhooks on loopback and private addresses (tests, private deployments). */
  allowPrivateNetwork: boolean;
  /** The archive's key that signs checkpoints of its log; null: the log routes answer 404. */
  signingKey: SigningKey | null;
}
