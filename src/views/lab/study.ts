/**
 * Vega-Lite specs of a study's results table (one row per cell: trace × policy × setting, as
 * results.jsonl / results.parquet hold them), pure functions of the rows: fragmentation #4 per
 * policy and trace, and the footprint relative to peak live bytes across settings.
 */
import type { TopLevelSpec } from 'vega-lite';
import { traceLabels } from './labels';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The columns these charts read (a study row has more). */
export interface StudyChartRow {
  trace: string;
  policy: string;
  header: number;
  limit: number | null;
  align: number;
  peak_live: number;
  footprint: number;
  frag4: number | null;
  failures: number;
}

/** Trace labels without the format's extension, unique per trace (labels.ts). */
const studyLabels = (rows: readonly StudyChartRow[]) => traceLabels(rows.map((r) => r.trace), (n) => n.replace(/\.(mtrace|jsonl|csv)(\.gz)?$/, ''));
const setting = (r: StudyChartRow) => `align ${r.align}, header ${r.header}${r.limit === null ? '' : `, limit ${r.limit}`}`;

/** Fragmentation #4 (%) per policy, bars side by side per setting, one panel per trace. */
export function studyFragmentationSpec(rows: readonly StudyChartRow[]): TopLevelSpec {
  const label = studyLabels(rows);
  const values = rows.filter((r) => r.frag4 !== null).map((r) => ({ trace: label.get(r.trace)!, policy: r.policy, setting: setting(r), percent: r.frag4! * 100 }));
  return {
    $schema: SCHEMA,
    title: { text: 'Fragmentation #4 per policy and setting', subtitle: '(max heap − max live) / max live, Johnstone & Wilson; symmetric log scale, lower is better' },
    data: { values },
    facet: { column: { field: 'trace', type: 'nominal', title: null } },
    spec: {
      mark: 'bar',
      width: { step: 12 },
      height: 200,
      encoding: {
        x: { field: 'policy', type: 'nominal', title: null, sort: null },
        xOffset: { field: 'setting', type: 'nominal' },
        y: { field: 'percent', type: 'quantitative', title: 'fragmentation #4 (%)', scale: { type: 'symlog', constant: 1 } },
        color: { field: 'setting', type: 'nominal', title: 'setting' },
        tooltip: [
          { field: 'trace', type: 'nominal' },
          { field: 'policy', type: 'nominal' },
          { field: 'setting', type: 'nominal' },
          { field: 'percent', type: 'quantitative', format: '.1f' },
        ],
      },
    },
  };
}

/** Footprint ÷ peak live bytes per policy (1 = no overhead), one line per trace across settings. */
export function studyFootprintSpec(rows: readonly StudyChartRow[]): TopLevelSpec {
  const label = studyLabels(rows);
  const values = rows
    .filter((r) => r.peak_live > 0)
    .map((r) => ({ trace: label.get(r.trace)!, policy: r.policy, setting: setting(r), ratio: r.footprint / r.peak_live, failures: r.failures }));
  return {
    $schema: SCHEMA,
    title: { text: 'Footprint relative to peak live bytes', subtitle: 'each point a cell of the study; 1.0 = the heap never grew past what was live' },
    data: { values },
    mark: { type: 'point', filled: true, size: 60 },
    width: 420,
    height: { step: 22 },
    encoding: {
      y: { field: 'policy', type: 'nominal', title: null, sort: null },
      x: { field: 'ratio', type: 'quantitative', title: 'footprint / peak live', scale: { type: 'log' } },
      color: { field: 'trace', type: 'nominal', title: 'trace' },
      shape: { field: 'setting', type: 'nominal', title: 'setting' },
      tooltip: [
        { field: 'trace', type: 'nominal' },
        { field: 'policy', type: 'nominal' },
        { field: 'setting', type: 'nominal' },
        { field: 'ratio', type: 'quantitative', format: '.3f' },
        { field: 'failures', type: 'quantitative' },
      ],
    },
  };
}
