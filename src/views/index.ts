/**
 * `memscope/views`: everything that draws, DOM-free: the view document a notebook output
 * carries, vega-lite specs, the memory diagram. `renderSvg` loads vega (Node only) on first
 * use, so importing this module stays cheap and browser renderers that import the spec modules
 * never pull vega's Node renderer in.
 */
import type { TopLevelSpec } from 'vega-lite';
export { downsampleM4, valueAt, type Series } from './downsample';
export { makeView, toView, asView, blockBars, trimFrames, trimBlocks, reachableBlocks, capTexts, viewSummaryText, type ViewOptions } from './view';
export {
  heapOccupancySpec, stackDepthSpec, addressMapSpec, regionSplitSpec, policyComparisonSpecs, mainSpecs, seriesRows, regionBytes, staticChartOptions,
  type ChartOptions, type SeriesRow,
} from './charts';
export { comparisonSpecs, footprintOverTimeSpec, fragmentationSpec, searchLengthSpec, traceLabel, tracesOf } from './lab/charts';
export { formatTable, tableRow, bytes, percent, TABLE_HEADER } from './lab/table';
export { reportHtml } from './lab/page';
export { diagramSvg, escapeXml, formatValue, hex, type DiagramOptions } from './diagram';
export { THEMES, themeOf, vegaConfig, type Theme, type ThemeName } from './theme';
export { checkSnapshot } from '../format/snapshot';
export { checkView, type ViewDocument, type ViewMeta, type ViewSeries, type ViewSnapshot, type BlockBar } from '../format/view';

/** Renders one vega-lite spec to SVG text in Node (static figures); loads vega on first call. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { renderSvg: render } = await import('./render-svg');
  return render(spec);
}
export {
  topSitesSpec, siteSharesSpec, sizeHistogramSpec, lifetimeSpec, fragmentationOverTimeSpec, analysisSpecs, siteLabel,
  type SiteMeasure, type PolicySeries,
} from './lab/analyses';
export { policyAddressMapSpec, mapRects, type PolicyAddressMap, type MapRect } from './lab/address-map';
export type { AnalysedTrace, TraceAnalyses, SiteRow, SiteAnalysis, SizeAnalysis, LifetimeAnalysis, LeakAnalysis, Bin, SymbolReport } from '../format/analyses';
export { studyFragmentationSpec, studyFootprintSpec, type StudyChartRow } from './lab/study';
