/**
 * Compares the newest sealed reading of every analysis and change record with what is stored now, and names the
 * analyses and change records that no seal covers. Older seals are history: the chain proves them, and no stored
 * row is expected to match them.
 */
import type { SealKind } from "../../model/index.js";
import type { Seal, Store } from "../../store/index.js";
import {
  type AnalysisSealBody,
  analysisDifferences,
  analysisSealBody,
  changeRecordSealBody,
  sealText,
} from "../chain/seal-bodies.js";

/** The newest seal in chain order of each record, per kind. */
export class LatestSeals {
  readonly analysis = new Map<number, Seal>();
  readonly "change-record" = new Map<number, Seal>();

  add(seal: Seal): void {
    this[seal.kind].set(seal.subjectId, seal);
  }
}

function parseManifest(seal: Seal): AnalysisSealBody | null {
  try {
    const body = JSON.parse(seal.body) as AnalysisSealBody;
    return body.kind === "analysis" && body.versionId === seal.subjectId ? body : null;
  } catch {
    return null;
  }
}

/** One problem per line, for the analysis and change records that differ from their newest seal. */
export async function checkSeals(
  store: Store,
  latest: LatestSeals,
  report: (problem: string) => void,
): Promise<number> {
  let checked = 0;
  for (const [versionId, seal] of latest.analysis) {
    checked++;
    const sealed = parseManifest(seal);
    if (!sealed) {
      report(`seal ${seal.id} of the analysis of version ${versionId} is not an analysis manifest`);
      continue;
    }
    const rows = await store.seals.analysisRows(versionId);
    if (!rows) report(`analysis of version ${versionId} was deleted`);
    else for (const difference of analysisDifferences(sealed, analysisSealBody(rows))) report(difference);
  }
  for (const [id, seal] of latest["change-record"]) {
    checked++;
    const record = await store.changes.get(id);
    if (!record) report(`change record CW-C-${id} was deleted`);
    else if (sealText(changeRecordSealBody(record)) !== seal.body)
      report(`change record CW-C-${id} was altered`);
  }
  for (const kind of ["analysis", "change-record"] as const satisfies SealKind[]) {
    for (const id of await store.seals.subjects(kind)) {
      if (latest[kind].has(id)) continue;
      report(
        kind === "analysis"
          ? `analysis of version ${id} is not in the chain`
          : `change record CW-C-${id} is not in the chain`,
      );
    }
  }
  return checked;
}
