/**
 * A single self-contained HTML page for a policy comparison: the table and the charts as
 * inline SVG rendered here in Node by vega (no script, no network), so the file can be
 * mailed, archived or opened offline. vega loads on the first page made, not on import.
 * With analyses, each trace also gets its allocation sites and leaks as tables and the
 * analysis charts (analyses.ts); the report's provenance closes the page.
 */
import type { AnalysedTrace } from '../../format/analyses';
import type { LabReport, PolicyResult, Provenance } from '../../format/lab-report';
import { TABLE_HEADER, bytes, tableRow } from './table';
import { analysisSpecs, siteLabel } from './analyses';
import { comparisonSpecs, tracesOf } from './charts';

export async function reportHtml(report: LabReport, title = 'memscope — allocator policy comparison'): Promise<string> {
  const { renderSvg } = await import('../render-svg');
  const svgs: string[] = [];
  for (const spec of comparisonSpecs(report.results)) svgs.push(await renderSvg(spec));
  const tables = tracesOf(report.results).map((trace) => traceTable(trace, report.results.filter((r) => r.trace === trace)));
  const analyses: string[] = [];
  for (const a of report.analyses ?? []) {
    const figures: string[] = [];
    for (const spec of analysisSpecs(a, report.results)) figures.push(await renderSvg(spec));
    analyses.push(analysisSection(a, figures));
  }
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
td.site { text-align: left; font-family: ui-monospace, monospace; font-size: 12px; max-width: 38em; overflow-wrap: anywhere; }
dl.provenance { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; font-size: 12px; }
dl.provenance dd { margin: 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">Fragmentation #1–#4 after Johnstone &amp; Wilson, "The Memory Fragmentation Problem: Solved?" (ISMM 1998):
heap used relative to live bytes requested — #1 averaged over time, #2 at the point of maximum live bytes,
#3 at the point of maximum heap used, #4 maximum heap used vs maximum live bytes. Search length: blocks examined per allocation.</p>
${tables.join('\n')}
${svgs.map((svg) => `<figure>${svg}</figure>`).join('\n')}
${analyses.join('\n')}
${report.provenance ? provenanceSection(report.provenance) : ''}
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

/** Top sites by bytes (with calls, peak share and leaks), the leaks by site, then the analysis charts. */
function analysisSection(a: AnalysedTrace, figures: string[]): string {
  const cell = (text: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;
  const sites = [...a.sites.rows].sort((x, y) => y.bytes - x.bytes).slice(0, 20).map((r, i) =>
    `<tr>${cell(String(i + 1))}${cell(siteLabel(r))}${cell(r.allocations.toLocaleString('en'))}${cell(bytes(r.bytes))}${cell(bytes(r.peakBytes))}${cell(bytes(r.leakedBytes))}${cell(r.site, 'site')}</tr>`);
  const leaks = a.leaks.bySite.slice(0, 10).map((l) => `<tr>${cell(siteLabel(l))}${cell(l.blocks.toLocaleString('en'))}${cell(bytes(l.bytes))}${cell(l.site, 'site')}</tr>`);
  return `<section class="analyses" data-trace="${escapeHtml(a.trace)}">
<h2>${escapeHtml(a.trace)}: who allocates</h2>
<p class="note">${a.events.toLocaleString('en')} events; ${a.sizes.requests.toLocaleString('en')} allocation requests from ${a.sites.distinct} sites, ${escapeHtml(bytes(a.sizes.bytes))} requested;
peak live ${escapeHtml(bytes(a.peakLive))}; ${a.leaks.blocks.toLocaleString('en')} blocks (${escapeHtml(bytes(a.leaks.bytes))}) live at exit.
A site is the caller the trace names (mtrace: one return address; memscope-trace: up to 8).</p>
<h3>Allocation sites by bytes requested</h3>
<table class="sites">
<thead><tr><th>#</th><th>site</th><th>calls</th><th>bytes</th><th>live at peak</th><th>leaked</th><th>caller</th></tr></thead>
<tbody>
${sites.join('\n')}
</tbody>
</table>
<h3>Live at exit, by site</h3>
<table class="leaks">
<thead><tr><th>site</th><th>blocks</th><th>bytes</th><th>caller</th></tr></thead>
<tbody>
${leaks.join('\n')}
</tbody>
</table>
${figures.map((svg) => `<figure>${svg}</figure>`).join('\n')}
</section>`;
}

function provenanceSection(p: Provenance): string {
  const row = (k: string, v: string) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`;
  return `<h2>Provenance</h2>
<dl class="provenance">
${row('command', p.command ? p.command.join(' ') : '(called from code)')}
${row('memscope', p.memscope)}
${row('node', p.node)}
${row('settings', `granule ${p.settings.align} B, header ${p.settings.header} B, limit ${p.settings.limit === null ? 'none' : `${p.settings.limit} B`}`)}
${p.traces.map((t) => row(t.trace, `sha256 ${t.sha256 ?? '(not hashed: stdin)'}${t.bytes === null ? '' : `, ${t.bytes.toLocaleString('en')} bytes`}`)).join('\n')}
</dl>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
