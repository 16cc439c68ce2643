/** Trace importers: real allocator workloads in, as streams of TraceEvent batches. */
export * from './types';
export { readTrace, readColumns } from './read-trace';
export type { ReadTraceOptions, ReadColumnsOptions, ColumnReader, TraceFormat, TraceReader, TraceSummary } from './read-trace';
export * from './columns';
export type { TraceSource } from './source';
export type { ProblemSummary, TraceProblemKind } from './problems';
export { formatCsv, formatJsonl, TRACE_HEADER, CSV_COLUMNS, DEFAULT_ALIGN } from './memscope-format';
export { MTRACE_ALIGN } from './mtrace';
export { SiteTable, parseCaller, type Caller } from './sites';
