/** A search snippet with its matched words marked; the snippet text itself is escaped like any other. */
import { HIGHLIGHT_END, HIGHLIGHT_START } from "../../store/queries/index.js";
import { plainText } from "./markdown.js";

export function Snippet(props: { text: string }) {
  const parts: (string | ReturnType<typeof Mark>)[] = [];
  // The snippet is a fragment of Markdown: read as plain text, the match markers are ordinary characters.
  const clean = plainText(props.text);
  let rest = clean;
  for (;;) {
    const open = rest.indexOf(HIGHLIGHT_START);
    if (open < 0) break;
    const close = rest.indexOf(HIGHLIGHT_END, open + 1);
    if (close < 0) break;
    parts.push(rest.slice(0, open));
    parts.push(<Mark text={rest.slice(open + 1, close)} />);
    rest = rest.slice(close + 1);
  }
  parts.push(rest.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, ""));
  return <>{parts}</>;
}

function Mark(props: { text: string }) {
  return <mark>{props.text}</mark>;
}
