/**
 * The archive's Merkle log over the API: the signed head (checkpoint), the public key that signs it, one version's
 * inclusion proof and a consistency proof from an earlier head, so a reader can check a version, or that nothing
 * was removed since a checkpoint they saved, without the whole archive (RFC 9162 proofs).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { keyIdOf } from "../../../archive/chain/checkpoint.js";
import { loadLeaves, signHead } from "../../../archive/chain/log.js";
import { consistencyProof, type Digest, inclusionProof } from "../../../archive/chain/merkle.js";
import { publicKeyPem, type SigningKey } from "../../../archive/chain/signing-key.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, HttpError, notFound } from "../../http-errors.js";
import { jsonOk } from "../responses.js";
import { IdPath, single } from "../schemas.js";

const Hex = z.string().regex(/^[0-9a-f]{64}$/);

const CheckpointSchema = z
  .object({
    origin: z.string(),
    treeSize: z.number().int(),
    rootHash: Hex,
    time: z.string(),
    keyId: Hex,
    signature: z
      .string()
      .openapi({ description: "Base64 Ed25519 signature over origin, size, root and time, one a line" }),
  })
  .openapi("Checkpoint");

const PublicKeySchema = z
  .object({ algorithm: z.literal("Ed25519"), keyId: Hex, publicKeyPem: z.string() })
  .openapi("LogPublicKey");

const InclusionProofSchema = z
  .object({
    versionId: z.number().int(),
    record: z
      .object({
        kind: z.literal("version"),
        documentId: z.number().int(),
        snapshotId: z.number().int(),
        sha256: Hex,
        recordedAt: z.string(),
        commitKind: z.string().nullable(),
      })
      .openapi({
        description: "The fields whose canonical JSON (keys sorted) hashes to the entry's recordHash",
      }),
    entry: z.object({
      seq: z.number().int(),
      kind: z.string(),
      recordId: z.number().int(),
      recordHash: Hex,
      prevHash: Hex,
      createdAt: z.string(),
      entryHash: Hex,
    }),
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    auditPath: z.array(Hex),
    checkpoint: CheckpointSchema,
  })
  .openapi("InclusionProof");

const ConsistencyProofSchema = z
  .object({
    first: z.number().int(),
    second: z.number().int(),
    proof: z.array(Hex),
    checkpoint: CheckpointSchema,
  })
  .openapi("ConsistencyProof");

const FirstQuery = z.object({
  first: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number")
    .openapi({
      param: { name: "first", in: "query" },
      example: "100",
      description: "The tree size of the earlier checkpoint",
    }),
});

const TAGS = ["Log"];

const checkpoint = createRoute({
  method: "get",
  path: "/v1/log/checkpoint",
  tags: TAGS,
  summary:
    "The signed head of the archive's log: size, Merkle root and time, signed with the archive's Ed25519 key",
  responses: jsonOk(single(CheckpointSchema), "The checkpoint"),
});

const publicKey = createRoute({
  method: "get",
  path: "/v1/log/public-key",
  tags: TAGS,
  summary: "The public key that signs checkpoints",
  responses: jsonOk(single(PublicKeySchema), "The key"),
});

const inclusion = createRoute({
  method: "get",
  path: "/v1/versions/{id}/inclusion-proof",
  tags: TAGS,
  summary: "Proof that a version is in the log: its chain entry, audit path (RFC 9162) and the signed head",
  request: { params: IdPath },
  responses: jsonOk(single(InclusionProofSchema), "The proof"),
});

const consistency = createRoute({
  method: "get",
  path: "/v1/log/consistency-proof",
  tags: TAGS,
  summary: "Proof (RFC 9162) that the log of an earlier checkpoint's size is a prefix of today's",
  request: { query: FirstQuery },
  responses: jsonOk(single(ConsistencyProofSchema), "The proof"),
});

const hex = (digests: Digest[]) => digests.map((d) => d.toString("hex"));

export function registerLogRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  const key = (): SigningKey => {
    if (!deps.signingKey) throw new HttpError(404, "This server publishes no checkpoints (no signing key)");
    return deps.signingKey;
  };
  const head = async () => {
    const leaves = await loadLeaves(deps.store);
    return { leaves, checkpoint: signHead(leaves, key(), deps.now()) };
  };

  api.openapi(checkpoint, async (c) => c.json({ data: (await head()).checkpoint }, 200));

  api.openapi(publicKey, (c) => {
    const k = key();
    return c.json(
      { data: { algorithm: "Ed25519" as const, keyId: keyIdOf(k.publicKey), publicKeyPem: publicKeyPem(k) } },
      200,
    );
  });

  api.openapi(inclusion, async (c) => {
    const id = Number(c.req.valid("param").id);
    const entry = await deps.store.chain.findFor("version", id);
    const version = entry ? await deps.store.versions.get(id) : undefined;
    if (!entry || !version) throw notFound("Version");
    const { leaves, checkpoint: signed } = await head();
    return c.json(
      {
        data: {
          versionId: id,
          record: {
            kind: "version" as const,
            documentId: version.documentId,
            snapshotId: version.snapshotId,
            sha256: version.sha256,
            recordedAt: version.recordedAt,
            commitKind: version.commitKind,
          },
          entry,
          leafIndex: entry.seq - 1,
          treeSize: leaves.length,
          auditPath: hex(inclusionProof(leaves, entry.seq - 1)),
          checkpoint: signed,
        },
      },
      200,
    );
  });

  api.openapi(consistency, async (c) => {
    const first = Number(c.req.valid("query").first);
    const { leaves, checkpoint: signed } = await head();
    if (first > leaves.length)
      throw badRequest("No such earlier log", [
        `first: the log has ${leaves.length} entries, fewer than ${first}`,
      ]);
    return c.json(
      {
        data: {
          first,
          second: leaves.length,
          proof: hex(consistencyProof(leaves, first)),
          checkpoint: signed,
        },
      },
      200,
    );
  });
}
