/**
 * Vega-Lite specs of the lab's analyses, pure functions of the report's data (no vega runtime,
 * no DOM): the top allocation sites, the sites' shares of each measure (a one-dimensional
 * treemap: one bar per measure cut into sites), the request-size histogram, the lifetime
 * distribution, and each policy's fragmentation, largest free block and free extents over time.
 */
import type { TopLevelSpec } from 'vega-lite';
import { fileLabel } from './labels';
import { policyAddressMapSpec, type PolicyAddressMap } from './address-map';
import type { AnalysedTrace, Bin, SiteRow } from '../../format/analyses';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const WIDTH = 560;

export type SiteMeasure = 'allocations' | 'bytes' | 'peakBytes' | 'leakedBytes';

const MEASURES: Record<SiteMeasure, { title: string; bytes: boolean }> = {
  allocations: { title: 'allocation calls', bytes: false },
  bytes: { title: 'bytes requested', bytes: true },
  peakBytes: { title: 'live bytes at the peak', bytes: true },
  leakedBytes: { title: 'bytes live at exit (leaked)', bytes: true },
};

/**
 * A short name for a site: its function when known (`xmalloc`), else the module's file name
 * and the address (`python3[0x11f9c4]`); the full caller goes in the tooltip.
 */
export function siteLabel(row: Pick<SiteRow, 'site' | 'symbol'>): string {
  const at = row.site.lastIndexOf('[');
  const address = at >= 0 ? row.site.slice(at) : '';
  const colon = row.site.lastIndexOf(':', at >= 0 ? at : undefined);
  const module = colon > 0 ? fileLabel(row.site.slice(0, colon)) : '';
  if (row.symbol !== null) {
    // The offset tells two call sites in one function apart (cc1 calls malloc at xrealloc+21 and +38).
    const offset = /\(([^()]*?)([+-][0-9a-fA-F]+)\)\[/.exec(row.site);
    const name = offset !== null && offset[1] === row.symbol ? `${row.symbol}${offset[2]}` : row.symbol;
    return module ? `${name} (${module})` : name;
  }
  return `${module}${address}` || row.site;
}

/** The `top` sites by one measure, as horizontal bars. */
export function topSitesSpec(analysis: AnalysedTrace, measure: SiteMeasure = 'bytes', top = 15): TopLevelSpec {
  const m = MEASURES[measure];
  const rows = analysis.sites.rows
    .filter((r) => r[measure] > 0)
    .sort((a, b) => b[measure] - a[measure])
    .slice(0, top)
    .map((r, rank) => ({ rank, label: `${rank + 1}. ${siteLabel(r)}`, site: r.site, value: r[measure], allocations: r.allocations, bytes: r.bytes, peakBytes: r.peakBytes, leakedBytes: r.leakedBytes }));
  return {
    $schema: SCHEMA,
    title: { text: `Top allocation sites by ${m.title}`, subtitle: `${fileLabel(analysis.trace)}: ${analysis.sites.distinct} sites in all` },
    data: { values: rows },
    mark: { type: 'bar' },
    width: WIDTH - 200,
    height: { step: 16 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', title: m.title, ...(m.bytes ? { axis: { format: '~s' } } : {}) },
      tooltip: [
        { field: 'site', type: 'nominal', title: 'caller' },
        { field: 'allocations', type: 'quantitative', format: ',' },
        { field: 'bytes', type: 'quantitative', format: ',' },
        { field: 'peakBytes', type: 'quantitative', format: ',', title: 'live at peak' },
        { field: 'leakedBytes', type: 'quantitative', format: ',', title: 'leaked bytes' },
      ],
    },
  };
}

/**
 * Each measure as one bar of 100 %, cut into the sites' shares (the largest `top` sites per
 * measure, the rest as "other sites"): where the calls, the bytes, the peak and the leaks come from.
 */
export function siteSharesSpec(analysis: AnalysedTrace, top = 8): TopLevelSpec {
  const values: { measure: string; order: number; label: string; site: string; value: number }[] = [];
  (Object.keys(MEASURES) as SiteMeasure[]).forEach((measure) => {
    const total = analysis.sites.rows.reduce((n, r) => n + r[measure], 0) + analysis.sites.others[measure];
    if (total === 0) return;
    const sorted = analysis.sites.rows.filter((r) => r[measure] > 0).sort((a, b) => b[measure] - a[measure]);
    sorted.slice(0, top).forEach((r, i) => values.push({ measure: MEASURES[measure].title, order: i, label: siteLabel(r), site: r.site, value: r[measure] }));
    const rest = total - sorted.slice(0, top).reduce((n, r) => n + r[measure], 0);
    if (rest > 0) values.push({ measure: MEASURES[measure].title, order: top, label: 'other sites', site: 'other sites', value: rest });
  });
  return {
    $schema: SCHEMA,
    title: { text: 'Where it comes from', subtitle: `${fileLabel(analysis.trace)}: each bar is 100 %, cut into allocation sites` },
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
    width: WIDTH - 200,
    height: { step: 28 },
    encoding: {
      y: { field: 'measure', type: 'nominal', title: null, sort: Object.values(MEASURES).map((m) => m.title), axis: { labelLimit: 200 } },
      x: { field: 'value', type: 'quantitative', stack: 'normalize', title: 'share', axis: { format: '%' } },
      color: { field: 'label', type: 'nominal', title: 'site', scale: { scheme: 'tableau20' }, legend: { labelLimit: 260 } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'measure', type: 'nominal' },
        { field: 'site', type: 'nominal', title: 'caller' },
        { field: 'value', type: 'quantitative', format: ',' },
      ],
    },
  };
}

/** "[16, 31]" style labels that sort by their lower bound. */
function binRows(bins: readonly Bin[], unit: string): { bin: string; lo: number; count: number; bytes: number }[] {
  const fmt = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : n >= 1024 ? `${n / 1024}K` : String(n));
  return bins.map((b) => ({ bin: b.lo === b.hi ? `${fmt(b.lo)}${unit}` : `${fmt(b.lo)}–${fmt(b.hi + 1)}${unit}`, lo: b.lo, count: b.count, bytes: b.bytes }));
}

/** Requests per power-of-two size bin, and the bytes they asked for. */
export function sizeHistogramSpec(analysis: AnalysedTrace): TopLevelSpec {
  const rows = binRows(analysis.sizes.histogram, ' B');
  const panel = (field: 'count' | 'bytes', title: string) => ({
    mark: { type: 'bar' as const },
    width: WIDTH / 2 - 40,
    height: 180,
    encoding: {
      x: { field: 'bin', type: 'ordinal' as const, sort: { field: 'lo', order: 'ascending' as const }, title: 'request size' },
      y: { field, type: 'quantitative' as const, title, axis: { format: '~s' } },
      tooltip: [{ field: 'bin', type: 'nominal' as const, title: 'size' }, { field: 'count', type: 'quantitative' as const, format: ',' }, { field: 'bytes', type: 'quantitative' as const, format: ',' }],
    },
  });
  return {
    $schema: SCHEMA,
    title: { text: 'Request sizes', subtitle: `${fileLabel(analysis.trace)}: ${analysis.sizes.requests.toLocaleString('en')} requests in power-of-two bins` },
    data: { values: rows },
    hconcat: [panel('count', 'requests'), panel('bytes', 'bytes requested')],
  };
}

/** Blocks per power-of-two lifetime bin: in trace events, and in bytes allocated meanwhile. */
export function lifetimeSpec(analysis: AnalysedTrace): TopLevelSpec {
  const values = [
    ...binRows(analysis.lifetimes.events, '').map((r) => ({ ...r, clock: 'events' })),
    ...binRows(analysis.lifetimes.bytes, '').map((r) => ({ ...r, clock: 'bytes allocated meanwhile' })),
  ];
  return {
    $schema: SCHEMA,
    title: {
      text: 'Block lifetimes',
      subtitle: `${fileLabel(analysis.trace)}: ${analysis.lifetimes.blocks.toLocaleString('en')} blocks freed, ${analysis.lifetimes.temporary.toLocaleString('en')} before any other allocation; ${analysis.leaks.blocks.toLocaleString('en')} live at exit`,
    },
    data: { values },
    facet: { column: { field: 'clock', type: 'nominal', title: null, sort: ['events', 'bytes allocated meanwhile'] } },
    resolve: { scale: { x: 'independent' } },
    spec: {
      mark: { type: 'bar' },
      width: WIDTH / 2 - 40,
      height: 180,
      encoding: {
        x: { field: 'bin', type: 'ordinal', sort: { field: 'lo', order: 'ascending' }, title: 'lifetime' },
        y: { field: 'count', type: 'quantitative', title: 'blocks', axis: { format: '~s' } },
        tooltip: [{ field: 'bin', type: 'nominal', title: 'lifetime' }, { field: 'count', type: 'quantitative', format: ',' }, { field: 'bytes', type: 'quantitative', format: ',', title: 'their bytes' }],
      },
    },
  };
}

/** The per-policy time series and address map a lab report carries with analyses (PolicyResult.timeSeries, .addressMap). */
export interface PolicySeries extends Partial<PolicyAddressMap> {
  trace: string;
  policy: string;
  timeSeries?: readonly { event: number; f1: number | null; f2: number | null; largestFree: number; freeExtents: number; live: number; heap: number }[];
}

/**
 * Per policy over trace events: fragmentation #1 and #2 so far (Johnstone & Wilson), the
 * largest free block and the number of free extents. One column of panels for one trace.
 */
export function fragmentationOverTimeSpec(results: readonly PolicySeries[], trace: string): TopLevelSpec {
  const mine = results.filter((r) => r.trace === trace && r.timeSeries !== undefined);
  const values = mine.flatMap((r) =>
    r.timeSeries!.map((p) => ({ policy: r.policy, event: p.event, f1: p.f1 === null ? null : p.f1 * 100, f2: p.f2 === null ? null : p.f2 * 100, largestFree: p.largestFree, freeExtents: p.freeExtents })),
  );
  const line = (field: string, title: string, format?: string) => ({
    mark: { type: 'line' as const, strokeWidth: 1.5, clip: true },
    width: WIDTH,
    height: 120,
    encoding: {
      x: { field: 'event', type: 'quantitative' as const, title: 'trace event' },
      y: { field, type: 'quantitative' as const, title, ...(format ? { axis: { format } } : {}) },
      color: { field: 'policy', type: 'nominal' as const, title: 'policy', sort: null, scale: { scheme: 'tableau20' } },
      tooltip: [{ field: 'policy', type: 'nominal' as const }, { field: 'event', type: 'quantitative' as const, format: ',' }, { field, type: 'quantitative' as const, format: ',.1f' }],
    },
  });
  return {
    $schema: SCHEMA,
    title: { text: 'The heap over time', subtitle: `${fileLabel(trace)}: fragmentation so far (%), largest free block, free extents below the top` },
    data: { values },
    vconcat: [line('f1', '#1 so far (%)'), line('f2', '#2 so far (%)'), line('largestFree', 'largest free block', '~s'), line('freeExtents', 'free extents')],
  };
}

/** Every analysis chart of one trace, in display order (the sites first, as memray and heaptrack open). */
export function analysisSpecs(analysis: AnalysedTrace, results: readonly PolicySeries[] = []): TopLevelSpec[] {
  const specs = [topSitesSpec(analysis, 'bytes'), siteSharesSpec(analysis), sizeHistogramSpec(analysis), lifetimeSpec(analysis)];
  if (results.some((r) => r.trace === analysis.trace && r.timeSeries !== undefined)) specs.push(fragmentationOverTimeSpec(results, analysis.trace));
  const maps = results.filter((r): r is PolicySeries & PolicyAddressMap => r.trace === analysis.trace && r.addressMap !== undefined && r.events !== undefined && r.footprint !== undefined);
  if (maps.length > 0) specs.push(policyAddressMapSpec(maps, analysis.trace));
  return specs;
}
