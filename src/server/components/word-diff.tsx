/**
 * Word-level diff of one provision change, as <del>/<ins> (meaningful to assistive technology and in print),
 * over the text a reader sees: Markdown is rendered to plain text first, so markup never shows as a change.
 */
import { wordDiff } from "../../changes/index.js";
import { plainText } from "./markdown.js";

export function WordDiff(props: { before: string | null; after: string | null }) {
  const before = plainText(props.before ?? "");
  const after = plainText(props.after ?? "");
  if (!before && !after) return null;
  if (!before) {
    return (
      <p class="diff side">
        <ins>{after}</ins>
      </p>
    );
  }
  if (!after) {
    return (
      <p class="diff side">
        <del>{before}</del>
      </p>
    );
  }
  const segments = wordDiff(before, after);
  return (
    <p class="diff side">
      {segments.map((s) =>
        s.op === "equal" ? s.text : s.op === "insert" ? <ins>{s.text}</ins> : <del>{s.text}</del>,
      )}
    </p>
  );
}
