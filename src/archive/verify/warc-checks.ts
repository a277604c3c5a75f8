/** Reads back the WARC record of every snapshot that has one and compares it with the snapshot the chain covers. */
import type { Snapshot } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import { describeWarcLocation, readWarcRecordsAt, withWarcRecords } from "../warc/warc-record-reader.js";

/** Checks the records of `snapshots` (those with one; files under `warcDir`); returns how many were read. */
export async function checkWarcRecords(
  store: Store,
  warcDir: string,
  snapshots: readonly Snapshot[],
  report: (snapshot: Snapshot, problem: string) => void,
): Promise<number> {
  const archived = withWarcRecords(snapshots);
  let checked = 0;
  for await (const [i, outcome] of readWarcRecordsAt(
    store,
    warcDir,
    archived.map((a) => a.at),
  )) {
    const { snapshot: s, at } = archived[i]!;
    checked++;
    const where = `its WARC record (${describeWarcLocation(at)})`;
    if (!outcome.ok) {
      report(s, `${where} ${outcome.problem}`);
      continue;
    }
    const r = outcome.record;
    if (r.payloadSha256 !== s.sha256 || r.payloadDigest !== `sha256:${s.sha256}`)
      report(s, `${where} holds other bytes than the snapshot`);
    else if (r.targetUri !== s.url) report(s, `${where} names another URL`);
    else if (r.date === null || Date.parse(r.date) !== Date.parse(s.capturedAt))
      report(s, `${where} gives another capture time`);
  }
  return checked;
}
