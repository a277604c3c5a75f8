/**
 * Small labelled indicators. Colour is never the only cue: each badge spells its value. The ones listings
 * repeat by the hundred are html templates (escaping every value, as JSX does): a JSX element costs about a
 * microsecond to build and serialise, a fixed piece of markup nothing.
 */
import { html } from "hono/html";
import { capitalize, confidenceBand } from "../format.js";

export function SeverityBadge(props: { severity: string | null; prefix?: string }) {
  if (!props.severity) return html`<span class="badge sev-none">No risk flagged</span>`;
  return html`<span class="badge sev-${props.severity}">${props.prefix ?? ""}${capitalize(props.severity)}${
    props.prefix === undefined ? " severity" : ""
  }</span>`;
}

export function GradeBadge(props: { grade: string | null; score?: number | null }) {
  if (!props.grade) return html`<span class="grade grade-none">Not graded</span>`;
  const score =
    props.score !== null && props.score !== undefined
      ? html`<span class="grade-score"> (${Math.round(props.score)}/100)</span>`
      : null;
  return html`<span class="grade grade-${props.grade.toLowerCase()}"><span class="visually-hidden">Grade </span>${props.grade}${score}</span>`;
}

/**
 * Polarity says what this wording does for the reader, severity how much its topic can matter: worded apart
 * so that "High severity" next to a polarity never reads as a contradiction ("High severity · Neutral").
 */
const POLARITY_WORDS: Record<string, string> = {
  protective: "Wording protects you",
  neutral: "Wording neither protects nor harms",
  concerning: "Wording works against you",
};

export function PolarityTag(props: { polarity: string }) {
  return (
    <span class={`tag pol-${props.polarity}`}>
      {POLARITY_WORDS[props.polarity] ?? capitalize(props.polarity)}
    </span>
  );
}

export function ConfidenceTag(props: { confidence: number }) {
  return (
    <span class="tag">
      {confidenceBand(props.confidence)} confidence ({props.confidence.toFixed(2)})
    </span>
  );
}

export function KindTag(props: { kind: string }) {
  return html`<span class="tag kind-${props.kind}">${capitalize(props.kind)}</span>`;
}
