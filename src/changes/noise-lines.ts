/** Summary lines for noise: date stamps, headings and other lines between provisions, grouped minor edits. */
import type { AssessedChange } from "./classify-change.js";
import { editView } from "./edit-view.js";
import { excerpt } from "./excerpt.js";
import type { NoiseReason } from "./noise.js";
import { technicalText } from "./normal-forms.js";
import type { OutsideChange } from "./outside-text.js";

/** A summary line and the number of changes it stands for (for the "… and N more" count). */
export interface Line {
  text: string;
  /** Changes the line stands for (for the "N more" count). */
  weight: number;
}

const NOISE_LINES: { reasons: NoiseReason[]; text: (n: number) => string }[] = [
  {
    reasons: ["typo", "typography"],
    text: (n) =>
      `Minor edits (typos, punctuation, capitalisation, renumbering) in ${n} place${n === 1 ? "" : "s"}`,
  },
  { reasons: ["statistics"], text: (n) => `Updated figures of statistics or metrics tables in ${plural(n)}` },
  { reasons: ["links"], text: (n) => `Link-only changes in ${plural(n)}` },
  { reasons: ["label"], text: (n) => `Short titles or labels added or removed (${plural(n)})` },
  { reasons: ["moved"], text: (n) => `Moves ${plural(n)} without changing their text` },
  { reasons: ["returned"], text: (n) => `Changes ${plural(n)} back to that earlier text` },
  {
    reasons: ["formatting", "markup-only", "anchor-links", "resegmented"],
    text: (n) => `Formatting or extraction-only changes in ${plural(n)} (no change in wording)`,
  },
];

function plural(n: number): string {
  return n === 1 ? "1 provision" : `${n} provisions`;
}

function quote(text: string, maxChars: number): string {
  return `“${excerpt(text, maxChars)}”`;
}

function examples(n: number, what: string, example: string): string {
  return n === 1 ? `${what}: ${example}` : `${what} (${n}), e.g. ${example}`;
}

/** Lines for the technical and minor changes and the changed lines outside provisions. */
export function noiseLines(
  changes: readonly AssessedChange[],
  outside: readonly OutsideChange[],
  maxChars: number,
): Line[] {
  const lines: Line[] = [];
  const stamps = changes.filter((c) => c.assessment.noise === "date-stamp");
  const outsideStamps = outside.filter((o) => o.nature === "date-stamp");
  const stampCount = stamps.length + outsideStamps.length;
  const newStamp = stamps.find((c) => c.after)?.after?.text ?? outsideStamps.find((o) => o.after)?.after;
  const oldStamp = stamps[0]?.before?.text ?? outsideStamps[0]?.before;
  const more = stampCount > 1 ? ` (and ${stampCount - 1} other date${stampCount > 2 ? "s" : ""})` : "";
  const inSentence = stamps.find((c) => c.before && c.after && technicalText(c.after.text).length > maxChars);
  if (inSentence) {
    // A date inside a long sentence ("As of August 2025, these services had…"): quote the dates, not the sentence.
    const edit = editView(inSentence.before!.text, inSentence.after!.text);
    const where = quote(inSentence.after!.text, 60);
    const text = `Updates a date in ${where}: “${edit.deleted}” → “${edit.inserted}”${more}`;
    lines.push({ text, weight: stampCount });
  } else if (newStamp)
    lines.push({ text: `Updates the date stamp: ${quote(newStamp, maxChars)}${more}`, weight: stampCount });
  else if (oldStamp)
    lines.push({ text: `Removes the date stamp: ${quote(oldStamp, maxChars)}${more}`, weight: stampCount });

  const renamed = outside.filter((o) => o.nature === "heading" && o.before && o.after);
  const added = outside.filter((o) => o.nature === "heading" && !o.before);
  const removed = outside.filter((o) => o.nature === "heading" && !o.after);
  const h = 60;
  if (renamed[0]) {
    const example = `${quote(renamed[0].before!, h)} → ${quote(renamed[0].after!, h)}`;
    lines.push({ text: examples(renamed.length, "Renames headings", example), weight: renamed.length });
  }
  if (added[0])
    lines.push({
      text: examples(added.length, "Adds headings", quote(added[0].after!, h)),
      weight: added.length,
    });
  if (removed[0]) {
    lines.push({
      text: examples(removed.length, "Removes headings", quote(removed[0].before!, h)),
      weight: removed.length,
    });
  }
  const reworded = changes.filter((c) => c.assessment.noise === "reworded");
  if (reworded[0]?.before && reworded[0].after) {
    const edit = editView(reworded[0].before.text, reworded[0].after.text);
    const side = (text: string) => (text === "" ? "…" : quote(text, 40));
    const example = `${side(edit.deleted)} → ${side(edit.inserted)}`;
    lines.push({ text: examples(reworded.length, "Reworded (one word)", example), weight: reworded.length });
  }
  const typographyOutside = outside.filter((o) => o.nature === "typography").length;
  for (const group of NOISE_LINES) {
    let n = changes.filter(
      (c) => c.assessment.noise !== null && group.reasons.includes(c.assessment.noise),
    ).length;
    if (group.reasons.includes("typography")) n += typographyOutside;
    if (n > 0) lines.push({ text: group.text(n), weight: n });
  }
  return lines;
}
