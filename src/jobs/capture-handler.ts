/**
 * The job handler of capture jobs: loads the document, lets the archiver capture it (which records
 * the snapshot, the version or verification, and runs the version listener: analysis and change
 * record), and turns the archiver's outcome into the queue's verdict.
 */
import type { Archiver, RecordOutcome } from "../archive/archiver.js";
import type { Store } from "../store/index.js";
import type { JobHandler, JobResult } from "./work-queue.js";

/** One line saying what a capture produced. */
export function describeOutcome(outcome: RecordOutcome): string {
  switch (outcome.kind) {
    case "version":
      return `new version ${outcome.version.id} (sha256 ${outcome.version.sha256.slice(0, 12)}…)${warningsNote(outcome.warnings)}`;
    case "verification":
      return `unchanged: verified version ${outcome.version.id}${warningsNote(outcome.warnings)}`;
    case "skipped":
      return `skipped: ${outcome.reason}`;
    case "error":
      return `${outcome.code}: ${outcome.message}`;
  }
}

function warningsNote(warnings: readonly string[]): string {
  return warnings.length === 0
    ? ""
    : `; extraction warning${warnings.length === 1 ? "" : "s"}: ${warnings.join("; ")}`;
}

/**
 * The queue's verdict on an outcome. The archiver has already logged a failure against the document;
 * only a transient one (server overloaded, network down) is worth another attempt.
 */
export function resultOf(outcome: RecordOutcome): JobResult {
  const detail = describeOutcome(outcome);
  if (outcome.kind !== "error") return { status: "done", detail };
  return { status: outcome.transient ? "retry" : "failed", detail };
}

/** A handler that captures the job's document with `archiver`. */
export function createCaptureHandler(store: Store, archiver: Archiver): JobHandler {
  return async (job) => {
    const document = await store.documents.get(job.documentId);
    if (!document) return { status: "failed", detail: `document ${job.documentId} no longer exists` };
    const platform = await store.platforms.get(document.platformId);
    const label = `${platform?.name ?? `platform ${document.platformId}`} / ${document.termsType}`;
    const result = resultOf(await archiver.captureDocument(document));
    return { status: result.status, detail: `${label}: ${result.detail}` };
  };
}
