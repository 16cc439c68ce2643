/** The lab's analyses as data: per trace (sites, sizes, lifetimes, leaks), per policy (the heap over time), provenance. */
export { analyseTrace, type AnalyseOptions, type AnalysedTrace } from './analyse';
export { TraceAnalyser, NO_CALLER, type AnalyserOptions, type TraceAnalyses, type SiteRow, type SiteAnalysis, type SizeAnalysis, type LifetimeAnalysis, type LeakAnalysis } from './trace-analysis';
export { TimeSeriesProbe, DEFAULT_TIME_POINTS, type TimePoint } from './time-series';
export { symbolise, type SymbolOptions, type SymbolReport } from './symbols';
export { provenance, fileSha256, type Provenance } from './provenance';
export { log2Bin, binBounds, Log2Histogram, type Bin } from './bins';
