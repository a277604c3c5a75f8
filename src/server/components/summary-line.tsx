/**
 * One line of a change summary. Record IDs in our own words (before the first quotation of the policy) link to
 * their records; quoted policy text is never turned into links, and JSX escapes all of it.
 */
import type { Child } from "hono/jsx";

const RECORD_ID = /(CW-[DVPC]-[1-9][0-9]*)/;

export function SummaryLine(props: { line: string }) {
  const quoteAt = props.line.indexOf("“");
  const own = quoteAt < 0 ? props.line : props.line.slice(0, quoteAt);
  // split() with a capturing group puts the IDs at the odd positions.
  const parts: Child[] = own
    .split(RECORD_ID)
    .map((part, i) => (i % 2 === 1 ? <a href={`/records/${part}`}>{part}</a> : part));
  if (quoteAt >= 0) parts.push(props.line.slice(quoteAt));
  return <>{parts}</>;
}
