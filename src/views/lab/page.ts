/**
 * A single self-contained HTML page for a policy comparison: the table and the charts as
 * inline SVG rendered here in Node by vega (no script, no network), so the file can be
 * mailed, archived or opened offline. vega loads on the first page made, not on import.
 */
import type { LabReport, PolicyResult } from '../../format/lab-report';
import { TABLE_HEADER, tableRow } from './table';
import { comparisonSpecs, tracesOf } from './charts';

export async function reportHtml(report: LabReport, title = 'memscope — allocator policy comparison'): Promise<string> {
  const { renderSvg } = await import('../render-svg');
  const svgs: string[] = [];
  for (const spec of comparisonSpecs(report.results)) svgs.push(await renderSvg(spec));
  const tables = tracesOf(report.results).map((trace) => traceTable(trace, report.results.filter((r) => r.trace === trace)));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; }
td { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child, th:first-child { text-align: left; }
figure { margin: 1.5em 0; }
.note { color: #666; font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">Fragmentation #1–#4 after Johnstone &amp; Wilson, "The Memory Fragmentation Problem: Solved?" (ISMM 1998):
heap used relative to live bytes requested — #1 averaged over time, #2 at the point of maximum live bytes,
#3 at the point of maximum heap used, #4 maximum heap used vs maximum live bytes. Search length: blocks examined per allocation.</p>
${tables.join('\n')}
${svgs.map((svg) => `<figure>${svg}</figure>`).join('\n')}
</body>
</html>
`;
}

function traceTable(trace: string, results: PolicyResult[]): string {
  const head = TABLE_HEADER.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = results.map((r) => `<tr>${tableRow(r).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  const events = results[0]?.events ?? 0;
  return `<h2>${escapeHtml(trace)}</h2>
<p class="note">${events.toLocaleString('en')} events</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
