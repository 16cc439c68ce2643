/**
 * The DOM-free views: what a browser renderer imports. `render-svg.ts` (Node, vega) is left out
 * on purpose; import it directly where Node renders static SVGs.
 */
export { downsampleM4, valueAt, type Series } from './downsample';
export { makeView, toView, asView, blockBars, trimFrames, trimBlocks, reachableBlocks, capTexts, viewSummaryText, type ViewOptions } from './payload';
export {
  heapOccupancySpec, stackDepthSpec, addressMapSpec, regionSplitSpec, policyComparisonSpecs, mainSpecs, seriesRows, regionBytes, staticChartOptions,
  type ChartOptions, type SeriesRow,
} from './charts';
export { diagramSvg, escapeXml, formatValue, hex, type DiagramOptions } from './diagram';
export { THEMES, themeOf, vegaConfig, type Theme, type ThemeName } from './theme';
export { checkView, checkSnapshot, type ViewDocument, type ViewMeta, type ViewSeries, type ViewSnapshot, type BlockBar } from '../format/view';
