/**
 * `memscope/alloc-lab`: the allocator lab for notebooks and scripts. Read real allocation
 * traces, replay them under allocator policies (on worker threads), and get the results as
 * data (the format's `lab-report` document); `memscope/views` draws them: charts, tables
 * (`formatTable`, `bytes`, `percent`) and HTML pages.
 */
export { compare, planTasks, allPolicies, type CompareOptions, type CompareProgress, type PlannedTask } from './compare';
export { replay, replayEvents, Replayer, type ReplayOptions, type ReplayOutcome, type ProblemKind } from './replay';
export { policyResult, labReport, type LabReport } from './result';
export { checkLabReport, type PolicyResult, type ReplaySettings, type Fragmentation, type SeriesPoint } from '../format/lab-report';
export type { Metrics } from './metrics';
export * from './analyses/index';
/** Allocation traces in (glibc mtrace, memscope JSONL/CSV, gzip, stdin): `traces.readTrace(path)`. */
export * as traces from '../traces/index';
export { readTrace } from '../traces/index';
export * from './study/index';
