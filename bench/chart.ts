// The scale section as a log-log chart of wall time against documents, where a slope of 1 is
// linear growth and 2 quadratic: flytemc and kustomize (an open point where it was stopped).
import { median, type Measured } from './measure.ts';
import { fmtMs, type Results } from './report.ts';

interface Point {
  docs: number;
  ms: number;
  over: boolean;
}

const [W, H, L, R, T, B] = [660, 400, 70, 40, 40, 50];
const TICKS = [10, 100, 1000, 10000, 100000];
const x = (d: number) => L + ((Math.log10(d) - 1) / 4) * (W - L - R);
const y = (ms: number) => H - B - ((Math.log10(ms) - 1) / 4) * (H - T - B);
const path = (pts: Point[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.docs).toFixed(1)},${y(p.ms).toFixed(1)}`).join(' ');
const label = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** One program's points at three clusters, by documents. */
function series(sc: NonNullable<Results['sections']['scale']>, prefix: string): Point[] {
  return sc.grid
    .filter((g) => g.config.clusters === 3)
    .map((g) => ({ docs: g.input.docs, m: sc.rows.find((x) => x.id === `${prefix}-${g.input.id}-${g.config.id}`) }))
    .filter((p): p is { docs: number; m: Measured } => !!p.m)
    .map((p) => ({ docs: p.docs, ms: p.m.ms.length ? median(p.m.ms) : p.m.timeoutMs!, over: p.m.timedOut && p.m.ms.length === 0 }))
    .sort((a, b) => a.docs - b.docs);
}

function axes(parts: string[]): void {
  for (const d of TICKS)
    parts.push(
      `<line x1="${x(d)}" y1="${T}" x2="${x(d)}" y2="${H - B}" stroke="#ddd"/><text x="${x(d)}" y="${H - B + 16}" text-anchor="middle">${d.toLocaleString('en')}</text>`,
    );
  for (const ms of TICKS)
    parts.push(
      `<line x1="${L}" y1="${y(ms)}" x2="${W - R}" y2="${y(ms)}" stroke="#ddd"/><text x="${L - 6}" y="${y(ms) + 4}" text-anchor="end">${label(ms)}</text>`,
    );
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">documents in the stream</text>`);
}

/** The slope-1 guide (time proportional to documents) through the last point, from 10 ms on. */
function guide(parts: string[], last: Point): void {
  const startDocs = Math.max(10, (10 * last.docs) / last.ms);
  const mid = Math.sqrt(startDocs * last.docs);
  parts.push(
    `<path d="M${x(startDocs).toFixed(1)},${y((startDocs * last.ms) / last.docs).toFixed(1)} L${x(last.docs).toFixed(1)},${y(last.ms).toFixed(1)}" stroke="#999" stroke-dasharray="4 4" fill="none"/>`,
    `<text x="${x(mid).toFixed(1)}" y="${(y((mid * last.ms) / last.docs) + 16).toFixed(1)}" fill="#777">proportional to documents</text>`,
  );
}

/** A program's line and points, labelled above-left of them (kustomize) or below-right (flytemc). */
function draw(parts: string[], pts: Point[], color: string, name: string, above: boolean): void {
  parts.push(`<path d="${path(pts)}" stroke="${color}" stroke-width="2" fill="none"/>`);
  for (const p of pts) {
    const cx = x(p.docs).toFixed(1);
    const cy = y(p.ms).toFixed(1);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${p.over ? 'white' : color}" stroke="${color}" stroke-width="2"/>`);
    const text = p.over ? `> ${(p.ms / 1000).toFixed(0)} s (stopped)` : fmtMs(p.ms);
    parts.push(
      above
        ? `<text x="${x(p.docs) - 8}" y="${y(p.ms) - 6}" text-anchor="end" fill="${color}">${text}</text>`
        : `<text x="${x(p.docs) + 8}" y="${y(p.ms) + 16}" fill="${color}">${text}</text>`,
    );
  }
  const end = pts[pts.length - 1]!;
  parts.push(`<text x="${x(end.docs) + 8}" y="${y(end.ms) + (above ? 4 : -8)}" fill="${color}" font-weight="bold">${name}</text>`);
}

/** Log-log chart: wall time against documents, ours and kustomize (">" where it was stopped). */
export function renderSvg(r: Results): string | undefined {
  const sc = r.sections.scale;
  if (!sc) return undefined;
  const ours = series(sc, 'ours');
  const kz = series(sc, 'kustomize-smp');
  if (ours.length < 2) return undefined;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="20" font-size="14">Post-render wall time against documents (log-log: a slope of 1 is linear growth)</text>`,
  ];
  axes(parts);
  guide(parts, ours[ours.length - 1]!);
  if (kz.length) draw(parts, kz, '#c0392b', 'kustomize', true);
  draw(parts, ours, '#2471a3', 'flytemc', false);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
