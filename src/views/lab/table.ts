/** The comparison table, as rows of display strings: shared by the CLI's text output and the HTML report. */
import type { PolicyResult } from '../../format/lab-report';

export const TABLE_HEADER = ['policy', 'peak live', 'footprint', 'frag #1', 'frag #2', 'frag #3', 'frag #4', 'search', 'failures', 'ops/s'];

export function tableRow(r: PolicyResult): string[] {
  const f = r.fragmentation;
  return [
    r.policy,
    bytes(r.peakLive),
    bytes(r.footprint),
    percent(f.f1),
    percent(f.f2),
    percent(f.f3),
    percent(f.f4),
    r.searchLength.mean.toFixed(2),
    String(r.failures),
    rate(r.opsPerSecond),
  ];
}

/** Binary units, three significant digits: 1536 → "1.50 KiB". */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}

/** Fixed-width text: policy left-aligned, numbers right-aligned. */
export function formatTable(results: readonly PolicyResult[]): string {
  const rows = [TABLE_HEADER, ...results.map(tableRow)];
  const widths = TABLE_HEADER.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd())
    .join('\n');
}
