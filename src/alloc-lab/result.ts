/**
 * The lab's result format: one PolicyResult per (trace, policy) replay, wrapped in a
 * versioned envelope. This JSON is what `memscope replay --json` prints and what the
 * chart builders read, so it holds plain numbers and strings only and changes only with
 * a version bump.
 */
import type { ProblemMode, TraceProblem } from '../traces/types';
import type { AnalysedTrace } from './analyses/analyse';
import type { Provenance } from './analyses/provenance';
import type { TimePoint } from './analyses/time-series';
import type { Fragmentation, SeriesPoint } from './metrics';
import type { ReplayOutcome } from './replay';

export const LAB_FORMAT = 'memscope-lab';
export const LAB_VERSION = 1;

/** Allocator settings the replay ran with (`limit` null = unlimited). */
export interface ReplaySettings {
  align: number;
  header: number;
  limit: number | null;
  mode: ProblemMode;
}

export interface PolicyResult {
  /** The trace file as given on the command line (or the name the caller chose). */
  trace: string;
  /** Policy name, as in POLICIES (e.g. 'first-fit'). */
  policy: string;
  settings: ReplaySettings;
  /** Trace events seen (points in time), including skipped ones. */
  events: number;
  /** Events applied, by operation. */
  ops: { alloc: number; free: number; realloc: number };
  /** Highest sum of requested sizes of live blocks (bytes). */
  peakLive: number;
  /** Live requested bytes after the last event. */
  liveAtEnd: number;
  /** Highest heap address reached (the policy's peakTop, bytes). */
  footprint: number;
  /** Heap top after the last event. */
  heapAtEnd: number;
  /** Johnstone & Wilson's measures #1–#4 as ratios (0.25 = 25 %); null if nothing was live. */
  fragmentation: Fragmentation;
  /** Blocks examined per allocation call. */
  searchLength: { mean: number; max: number; allocations: number };
  /** Allocations refused under the heap limit. */
  failures: number;
  /** Problems found while replaying (trace faults the reader passed on, or the policy refused). */
  problems: { count: number; byKind: Partial<Record<TraceProblem['kind'], number>>; first: TraceProblem[] };
  /** Wall-clock milliseconds spent replaying on this policy; reading the trace, shared by
   *  the policies replayed together, is not included. */
  wallMs: number;
  /** events / wallMs: the replay speed of this policy. */
  opsPerSecond: number;
  /** Heap used and live bytes over time, at most 1000 buckets of consecutive events. */
  series: SeriesPoint[];
  /** With analyses: fragmentation, free extents and largest free block over time (analyses/time-series.ts). */
  timeSeries?: TimePoint[];
}

export interface LabReport {
  format: typeof LAB_FORMAT;
  version: typeof LAB_VERSION;
  /** Command, memscope version, trace hashes, settings. */
  provenance?: Provenance;
  results: PolicyResult[];
  /** With analyses: per trace, its sites, sizes, lifetimes and leaks (policy-independent; analyses/). */
  analyses?: AnalysedTrace[];
}

/** Turns a replay outcome into the stable JSON record. */
export function policyResult(trace: string, settings: ReplaySettings, outcome: ReplayOutcome): PolicyResult {
  const m = outcome.metrics;
  return {
    trace,
    policy: outcome.policy,
    settings,
    events: outcome.events,
    ops: outcome.ops,
    peakLive: m.peakLive,
    liveAtEnd: m.liveAtEnd,
    footprint: m.footprint,
    heapAtEnd: m.heapAtEnd,
    fragmentation: m.fragmentation,
    searchLength: m.searchLength,
    failures: outcome.failures,
    problems: { count: outcome.problemCount, byKind: outcome.problemsByKind, first: outcome.problems },
    wallMs: outcome.wallMs,
    opsPerSecond: outcome.wallMs > 0 ? outcome.events / (outcome.wallMs / 1000) : 0,
    series: m.series,
    ...(outcome.timeSeries === undefined ? {} : { timeSeries: outcome.timeSeries }),
  };
}

export function labReport(results: PolicyResult[], extra: { provenance?: Provenance; analyses?: AnalysedTrace[] } = {}): LabReport {
  return {
    format: LAB_FORMAT,
    version: LAB_VERSION,
    ...(extra.provenance === undefined ? {} : { provenance: extra.provenance }),
    results,
    ...(extra.analyses === undefined ? {} : { analyses: extra.analyses }),
  };
}

/** Checks that parsed JSON is a lab report this version understands; throws a clear error if not. */
export function parseLabReport(json: unknown): LabReport {
  const r = json as Partial<LabReport> | null;
  if (r === null || typeof r !== 'object' || r.format !== LAB_FORMAT) {
    throw new Error(`not a memscope lab report: expected format '${LAB_FORMAT}'`);
  }
  if (r.version !== LAB_VERSION) throw new Error(`lab report version ${String(r.version)} is not supported (expected ${LAB_VERSION})`);
  if (!Array.isArray(r.results)) throw new Error('lab report has no results array');
  return r as LabReport;
}
