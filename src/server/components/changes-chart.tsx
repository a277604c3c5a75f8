/**
 * Server-rendered SVG: change records per month, stacked by severity. Presentation attributes only (no
 * inline style), so it passes the strict CSP; the same figures are given as a table for screen readers
 * and for anyone who wants the numbers. Bars and rows are html templates: a few hundred JSX elements cost
 * more than the rest of the chart.
 */
import { html } from "hono/html";
import type { MonthlyChanges } from "../../store/queries/index.js";
import { formatMonth } from "../format.js";
import { NumHeader } from "./num-header.js";

const COLORS = { high: "#a61b1b", medium: "#a85f00", low: "#2f6db5" } as const;
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 34, right: 8, top: 26, bottom: 24 };

/** Consecutive months from the first to the last, missing ones as zeros, at most `max` (the latest). */
export function fillMonths(data: readonly MonthlyChanges[], max = 24): MonthlyChanges[] {
  if (data.length === 0) return [];
  const byMonth = new Map(data.map((d) => [d.month, d]));
  const first = data[0]?.month ?? "";
  const last = data[data.length - 1]?.month ?? "";
  const out: MonthlyChanges[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(byMonth.get(month) ?? { month, high: 0, medium: 0, low: 0, substantive: 0, total: 0 });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out.slice(-max);
}

export function ChangesChart(props: { data: readonly MonthlyChanges[]; id: string; title: string }) {
  const months = fillMonths(props.data);
  if (months.length === 0) return <p class="note">No changes recorded yet.</p>;
  const maxTotal = Math.max(1, ...months.map((m) => m.total));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / months.length;
  const barW = Math.max(2, step * 0.7);
  const scale = (n: number) => (n / maxTotal) * plotH;
  const labelEvery = Math.ceil(months.length / 8);
  const total = months.reduce((s, m) => s + m.total, 0);
  return (
    <figure>
      <svg
        class="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${props.id}-t ${props.id}-d`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${props.id}-t`}>{props.title}</title>
        <desc id={`${props.id}-d`}>
          {`${total} changes over ${months.length} months, stacked by severity: high, medium, low. The table below gives the figures.`}
        </desc>
        <line
          x1={PAD.left}
          y1={PAD.top + plotH}
          x2={WIDTH - PAD.right}
          y2={PAD.top + plotH}
          stroke="#6e7781"
        />
        <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" font-size="11" fill="#4a5561">
          {maxTotal}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} text-anchor="end" font-size="11" fill="#4a5561">
          0
        </text>
        {months.map((m, i) => {
          const x = PAD.left + i * step + (step - barW) / 2;
          let y = PAD.top + plotH;
          const bars = (["low", "medium", "high"] as const).map((severity) => {
            const h = scale(m[severity]);
            y -= h;
            return h > 0
              ? html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[severity]}"></rect>`
              : null;
          });
          const label =
            i % labelEvery === 0
              ? html`<text x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - 6}" text-anchor="middle" font-size="11" fill="#4a5561">${formatMonth(m.month)}</text>`
              : null;
          return html`<g>${bars}${label}</g>`;
        })}
        {(["high", "medium", "low"] as const).map((severity, i) => (
          <g>
            <rect x={WIDTH - 250 + i * 82} y="4" width="10" height="10" fill={COLORS[severity]} />
            <text x={WIDTH - 250 + i * 82 + 14} y="13" font-size="11" fill="#1b1f24">
              {severity}
            </text>
          </g>
        ))}
      </svg>
      <details>
        <summary>Figures</summary>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <NumHeader>High</NumHeader>
              <NumHeader>Medium</NumHeader>
              <NumHeader>Low</NumHeader>
              <NumHeader>Substantive</NumHeader>
              <NumHeader>All</NumHeader>
            </tr>
          </thead>
          <tbody>
            {months
              .filter((m) => m.total > 0)
              .map(
                (m) =>
                  html`<tr><th scope="row">${formatMonth(m.month)}</th><td class="num">${m.high}</td><td class="num">${m.medium}</td><td class="num">${m.low}</td><td class="num">${m.substantive}</td><td class="num">${m.total}</td></tr>`,
              )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
