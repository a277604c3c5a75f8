/**
 * The archive's orchestrator: it loads, calls the pure stages (fetch, extract, chain hashing) and
 * saves. Every write that belongs together happens in one transaction, so a crash at any point
 * leaves either the whole capture or none of it (blobs and WARC records written before the
 * transaction are content-addressed or append-only, and harmless if orphaned, in files or in the database). A new version is
 * committed with a "pending analysis" mark, so what follows it (src/pipeline) survives a crash too.
 */
import type {
  RangeSelector,
  Snapshot,
  SourceDocumentDeclaration,
  TrackedDocument,
  Verification,
  Version,
} from "../model/index.js";
import type { Repositories, Store } from "../store/index.js";
import { crashPoint } from "../util/crash-point.js";
import { sha256Hex } from "../util/hash.js";
import { snapshotRecordHash, verificationRecordHash, versionRecordHash } from "./chain/index.js";
import { extract } from "./extract/index.js";
import { type FetchOptions, type FetchResult, fetchDocument } from "./fetch/index.js";
import type { WarcSink } from "./warc/warc-writer.js";

/** What one capture or import produced. */
export type RecordOutcome =
  | { kind: "version"; version: Version; previous: Version | undefined; warnings: string[] }
  | { kind: "verification"; verification: Verification; version: Version; warnings: string[] }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; code: string; message: string; transient: boolean };

/**
 * Called after a new version is committed with its "pending analysis" mark (analysis, change record and alerts
 * hang here, and take the mark). Should the process die first, `serve` and `worker` complete the marked version.
 */
export type VersionListener = (version: Version, previous: Version | undefined) => Promise<void>;

export interface ArchiverOptions {
  /** Where WARC records of network captures go (`warcSinkFor` picks the store's place). */
  warc: WarcSink;
  fetch?: FetchOptions;
  onVersion?: VersionListener;
}

/** A captured source page plus what extraction made of it. */
interface ExtractedCapture {
  capture: FetchResult;
  source: SourceDocumentDeclaration;
}

/** OTA allows a lone range selector object where a list is expected. */
function asSelectorList(
  s: NonNullable<SourceDocumentDeclaration["select"]>,
): string | Array<string | RangeSelector> {
  return typeof s === "string" || Array.isArray(s) ? s : [s];
}

/** An error with a code and transience, as fetch and extract errors carry. */
function describeError(error: unknown): { code: string; message: string; transient: boolean } {
  const e = error as { code?: unknown; message?: unknown; mayBeTransient?: unknown };
  return {
    code: typeof e?.code === "string" ? e.code : "UNEXPECTED",
    message: typeof e?.message === "string" ? e.message : String(error),
    transient: e?.mayBeTransient === true,
  };
}

export class Archiver {
  constructor(
    private readonly store: Store,
    private readonly options: ArchiverOptions,
  ) {}

  /**
   * Fetches every source of a declared document, stores the snapshots, extracts the text and
   * records a new version or a verification. Failures are stored against the document and returned,
   * never thrown: one broken site must not stop a tracking run. Sources that name local files are refused
   * (`LOCAL_FILE_REFUSED`) unless the operator passes `allowLocalFiles`: a declaration alone never reads the disk.
   */
  async captureDocument(
    document: TrackedDocument,
    options: { allowLocalFiles?: boolean } = {},
  ): Promise<RecordOutcome> {
    if (document.sources.length === 0) {
      return { kind: "skipped", reason: "document has no declared source to fetch" };
    }
    const captures: ExtractedCapture[] = [];
    for (const source of document.sources) {
      try {
        const capture = await fetchDocument(source.fetch, {
          ...this.options.fetch,
          allowLocalFiles: options.allowLocalFiles ?? false,
          executeClientScripts: source.executeClientScripts ?? false,
        });
        captures.push({ capture, source });
      } catch (error) {
        return this.fail(document, source.fetch, error);
      }
    }
    return this.recordCaptures(document, captures);
  }

  /** Stores already-fetched captures of one document (one per declared source, in order). */
  async recordCaptures(document: TrackedDocument, captures: ExtractedCapture[]): Promise<RecordOutcome> {
    const snapshots: Omit<Snapshot, "id">[] = [];
    for (const { capture } of captures) {
      const sha256 = await this.store.blobs.put(capture.bytes);
      const warc =
        capture.method === "file"
          ? null
          : await this.options.warc.append({
              url: capture.url,
              capturedAt: capture.capturedAt,
              status: capture.status,
              headers: capture.headers,
              bytes: capture.bytes,
              sha256,
            });
      snapshots.push({
        documentId: document.id,
        sha256,
        url: capture.url,
        capturedAt: capture.capturedAt,
        method: capture.method,
        httpStatus: capture.status,
        headers: capture.headers,
        mimeType: capture.mimeType,
        size: capture.bytes.byteLength,
        warc,
        extractionWarnings: [],
      });
    }
    crashPoint("snapshot-stored");
    let text: string;
    try {
      const parts: string[] = [];
      for (const [i, { capture, source }] of captures.entries()) {
        const result = await extract({
          bytes: capture.bytes,
          mimeType: capture.mimeType,
          contentType: capture.contentType,
          url: capture.url,
          ...(source.select !== undefined ? { select: asSelectorList(source.select) } : {}),
          ...(source.remove !== undefined ? { remove: asSelectorList(source.remove) } : {}),
          ...(source.filter !== undefined ? { filters: source.filter } : {}),
        });
        parts.push(result.markdown);
        snapshots[i]!.extractionWarnings = result.warnings;
      }
      text = parts.join("\n\n");
    } catch (error) {
      // The bytes are kept (snapshot and chain entry) even when nothing could be extracted from them.
      await this.store.chainTransaction(async (tx) => {
        for (const s of snapshots) await this.insertSnapshot(tx, s);
      });
      return this.fail(document, captures[0]?.capture.url ?? "", error);
    }
    const recordedAt = snapshots[0]?.capturedAt ?? new Date().toISOString();
    const outcome = await this.store.chainTransaction(async (tx) => {
      const stored: Snapshot[] = [];
      for (const s of snapshots) stored.push(await this.insertSnapshot(tx, s));
      const warnings = stored.flatMap((s) => s.extractionWarnings);
      return this.recordText(tx, document.id, stored[0]!, text, recordedAt, null, warnings);
    });
    await this.store.documents.setError(document.id, null, null);
    return this.completed(outcome);
  }

  /**
   * Imports one version of an Open Terms Archive dataset with its original date. Idempotent:
   * a file already imported (same document, date and bytes) is skipped.
   */
  async importVersion(input: {
    platform: string;
    termsType: string;
    recordedAt: string;
    bytes: Uint8Array;
    source: string;
    commitKind?: string | null;
  }): Promise<RecordOutcome> {
    const platform = await this.store.platforms.ensure(input.platform);
    const document = await this.store.documents.ensure(platform.id, input.termsType);
    const sha256 = sha256Hex(input.bytes);
    if (await this.store.snapshots.findImported(document.id, input.recordedAt, sha256)) {
      return { kind: "skipped", reason: "already imported" };
    }
    await this.store.blobs.put(input.bytes);
    crashPoint("snapshot-stored");
    const text = new TextDecoder("utf-8").decode(input.bytes);
    const outcome = await this.store.chainTransaction(async (tx) => {
      // Re-checked under the chain lock: another importer may have won the race.
      if (await tx.snapshots.findImported(document.id, input.recordedAt, sha256)) {
        return { kind: "skipped", reason: "already imported" } as const;
      }
      const snapshot = await this.insertSnapshot(tx, {
        documentId: document.id,
        sha256,
        url: input.source,
        capturedAt: input.recordedAt,
        method: "import",
        httpStatus: null,
        headers: {},
        mimeType: "text/markdown",
        size: input.bytes.byteLength,
        warc: null,
        extractionWarnings: [],
      });
      return this.recordText(tx, document.id, snapshot, text, input.recordedAt, input.commitKind ?? null, []);
    });
    return this.completed(outcome);
  }

  /** Hands a committed new version to the listener, which completes it. */
  private async completed(outcome: RecordOutcome): Promise<RecordOutcome> {
    if (outcome.kind !== "version") return outcome;
    crashPoint("version-committed");
    await this.options.onVersion?.(outcome.version, outcome.previous);
    return outcome;
  }

  private async insertSnapshot(tx: Repositories, s: Omit<Snapshot, "id">): Promise<Snapshot> {
    const snapshot = await tx.snapshots.insert(s);
    await tx.chain.append("snapshot", snapshot.id, snapshotRecordHash(snapshot));
    return snapshot;
  }

  /** A new version when the text differs from the one in force at that date, else a verification. */
  private async recordText(
    tx: Repositories,
    documentId: number,
    snapshot: Snapshot,
    text: string,
    recordedAt: string,
    commitKind: string | null,
    warnings: string[],
  ): Promise<RecordOutcome> {
    const sha256 = sha256Hex(text);
    const previous = await tx.versions.before(documentId, recordedAt);
    const atSameTime = await tx.versions.findAt(documentId, recordedAt);
    const current = atSameTime ?? previous;
    if (current && current.sha256 === sha256) {
      const verification = await tx.versions.insertVerification({
        documentId,
        versionId: current.id,
        snapshotId: snapshot.id,
        verifiedAt: recordedAt,
      });
      await tx.chain.append("verification", verification.id, verificationRecordHash(verification));
      return { kind: "verification", verification, version: current, warnings };
    }
    if (atSameTime) {
      return { kind: "skipped", reason: `a different version is already recorded at ${recordedAt}` };
    }
    const version = await tx.versions.insertPendingAnalysis(
      { documentId, snapshotId: snapshot.id, sha256, text, recordedAt, commitKind },
      new Date().toISOString(),
    );
    await tx.chain.append("version", version.id, versionRecordHash(version));
    return { kind: "version", version, previous, warnings };
  }

  private async fail(document: TrackedDocument, url: string, error: unknown): Promise<RecordOutcome> {
    const { code, message, transient } = describeError(error);
    await this.store.documents.logError({
      documentId: document.id,
      occurredAt: new Date().toISOString(),
      url,
      code,
      message,
      transient,
    });
    return { kind: "error", code, message, transient };
  }
}
