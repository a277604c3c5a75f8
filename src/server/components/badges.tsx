/** Small labelled indicators. Colour is never the only cue: each badge spells its value. */
import { capitalize, confidenceBand } from "../format.js";

export function SeverityBadge(props: { severity: string | null; prefix?: string }) {
  if (!props.severity) return <span class="badge sev-none">No risk flagged</span>;
  return (
    <span class={`badge sev-${props.severity}`}>
      {props.prefix ?? ""}
      {capitalize(props.severity)}
      {props.prefix === undefined ? " severity" : ""}
    </span>
  );
}

export function GradeBadge(props: { grade: string | null; score?: number | null }) {
  if (!props.grade) return <span class="grade grade-none">Not graded</span>;
  return (
    <span class={`grade grade-${props.grade.toLowerCase()}`}>
      <span class="visually-hidden">Grade </span>
      {props.grade}
      {props.score !== null && props.score !== undefined ? (
        <span class="grade-score"> ({Math.round(props.score)}/100)</span>
      ) : null}
    </span>
  );
}

export function PolarityTag(props: { polarity: string }) {
  return <span class={`tag pol-${props.polarity}`}>{capitalize(props.polarity)}</span>;
}

export function ConfidenceTag(props: { confidence: number }) {
  return (
    <span class="tag">
      {confidenceBand(props.confidence)} confidence ({props.confidence.toFixed(2)})
    </span>
  );
}

export function KindTag(props: { kind: string }) {
  return <span class={`tag kind-${props.kind}`}>{capitalize(props.kind)}</span>;
}
