/** Reads back the WARC record of every snapshot that has one and compares it with the snapshot the chain covers. */
import { join } from "node:path";
import type { Snapshot } from "../../model/index.js";
import { readWarcRecords } from "../warc/warc-record-reader.js";

/** Checks the records of `snapshots` (those with a WARC file) under `warcDir`; returns how many were read. */
export async function checkWarcRecords(
  warcDir: string,
  snapshots: readonly Snapshot[],
  report: (snapshot: Snapshot, problem: string) => void,
): Promise<number> {
  const byFile = new Map<string, Snapshot[]>();
  for (const s of snapshots)
    if (s.warcFile !== null) byFile.set(s.warcFile, [...(byFile.get(s.warcFile) ?? []), s]);
  let checked = 0;
  for (const [file, inFile] of byFile) {
    const outcomes = await readWarcRecords(
      join(warcDir, file),
      inFile.map((s) => s.warcOffset ?? 0),
    );
    for (const s of inFile) {
      checked++;
      const where = `its WARC record (${file} at offset ${s.warcOffset})`;
      const outcome = outcomes.get(s.warcOffset ?? 0);
      if (!outcome) continue;
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
  }
  return checked;
}
