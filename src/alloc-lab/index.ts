/**
 * `memscope/alloc-lab`: the allocator lab for notebooks and scripts. Read real allocation
 * traces, replay them under allocator policies (on worker threads), and get the results as
 * data; `memscope/views` draws them.
 */
export { compare, planTasks, allPolicies, type CompareOptions, type CompareProgress, type PlannedTask } from './compare';
export { replay, replayEvents, Replayer, type ReplayOptions, type ReplayOutcome, type ProblemKind } from './replay';
export { LAB_FORMAT, LAB_VERSION, labReport, parseLabReport, policyResult, type LabReport, type PolicyResult, type ReplaySettings } from './result';
export { formatTable, tableRow, bytes, percent, TABLE_HEADER } from './table';
export type { Metrics, Fragmentation, SeriesPoint } from './metrics';
export * from './analyses/index';
/** Allocation traces in (glibc mtrace, memscope JSONL/CSV, gzip, stdin): `traces.readTrace(path)`. */
export * as traces from '../traces/index';
export { readTrace } from '../traces/index';
export * from './study/index';
