/** A real policy with markup injected into it, to prove that archived text is only ever shown as text. */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Archiver } from "../../../src/archive/archiver.js";
import { DEMO_CORPUS } from "./demo-store.js";

export const HOSTILE_PLATFORM = "Hostile Test";
export const HOSTILE_SCRIPT = `<script>window.__pwned = "script"</script>`;
export const HOSTILE_IMG = `<img src=x onerror="window.__pwned = 'img'">`;
export const HOSTILE_LINK = `[click me](javascript:window.__pwned='link')`;

/** GitHub's real privacy statement with one paragraph of hostile markup, imported as a new platform. */
export async function importHostileDocument(archiver: Archiver): Promise<string> {
  const folder = join(DEMO_CORPUS, "GitHub", "Privacy Policy");
  const latest = readdirSync(folder).sort().at(-1);
  if (!latest) throw new Error("demo corpus has no GitHub privacy policy");
  const original = await readFile(join(folder, latest), "utf8");
  const paragraph = `We may share your personal data with partners ${HOSTILE_SCRIPT} and advertisers ${HOSTILE_IMG} as described in ${HOSTILE_LINK} & "this" section.`;
  const cut = original.indexOf("\n\n", 200);
  const text = `${original.slice(0, cut)}\n\n${paragraph}\n\n${original.slice(cut + 2)}`;
  const outcome = await archiver.importVersion({
    platform: HOSTILE_PLATFORM,
    termsType: "Privacy Policy",
    recordedAt: "2026-05-01T00:00:00Z",
    bytes: new TextEncoder().encode(text),
    source: "test:hostile",
  });
  if (outcome.kind !== "version") throw new Error(`hostile document not imported: ${outcome.kind}`);
  return paragraph;
}
