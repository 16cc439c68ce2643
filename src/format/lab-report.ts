/**
 * The `lab-report` document: the allocator lab's results, one PolicyResult per (trace, policy)
 * replay. What `memscope replay --json` prints and what the lab's charts and pages read, so it
 * holds plain numbers and strings only. Same envelope and version rule as every kind.
 *
 * The lab's first files used an envelope of their own, `{"format": "memscope-lab", "version": 1,
 * "results": [...]}`, with the same results; `checkLabReport` still reads those (version 1 only)
 * and returns them in the current envelope. Nothing writes them any more.
 */
import { Checker } from './check';
import { checkEnvelope, checkVersion, parseDocument } from './envelope';
import { FORMAT_NAME, FORMAT_VERSION } from './errors';
import type { AnalysedTrace } from './analyses';

export const TRACE_PROBLEM_KINDS = ['malformed', 'unknown-pointer', 'double-free', 'duplicate-alloc', 'unsupported'] as const;
export type TraceProblemKind = (typeof TRACE_PROBLEM_KINDS)[number];

/** A problem found in a trace: reported with the file and line, counted, never a crash. */
export interface TraceProblem {
  file: string;
  line: number;
  /** duplicate-alloc: a block id handed out while still live (the trace lost its free). */
  kind: TraceProblemKind;
  message: string;
}

/** strict: stop at the first problem (throw TraceError); lenient: skip the event, count and report it. */
export type ProblemMode = 'strict' | 'lenient';

/** One bucket of consecutive events: the extremes survive downsampling, so peaks stay visible. */
export interface SeriesPoint {
  /** Index (0-based) of the bucket's first event. */
  step: number;
  /** Number of events in the bucket. */
  steps: number;
  liveMin: number;
  liveMax: number;
  heapMin: number;
  heapMax: number;
}

export interface Fragmentation {
  /** #1: (heap − live) / live averaged over all points in time with live > 0. */
  f1: number | null;
  /** #2: at the point of maximum live bytes, (heap there − max live) / max live. */
  f2: number | null;
  /** #3: at the point of maximum heap used, (max heap − live there) / live there. */
  f3: number | null;
  /** #4: (max heap − max live) / max live. */
  f4: number | null;
}

/** A policy's heap over time, one sample (alloc-lab/analyses/time-series.ts takes them). */
export interface TimePoint {
  /** Events applied so far (the point is taken after event `event − 1`). */
  event: number;
  live: number;
  heap: number;
  /** Bytes in free blocks below the top, how many blocks (free extents), the largest one. */
  freeBytes: number;
  freeExtents: number;
  largestFree: number;
  /** #1 and #2 over the events so far (ratios; null while nothing was live). */
  f1: number | null;
  f2: number | null;
  /** Allocation calls and failures under the heap limit so far. */
  allocations: number;
  failures: number;
}

/**
 * A policy's address map (alloc-lab/analyses/address-map.ts): cells of `eventsPerColumn`
 * events × `bytesPerRow` heap bytes; `occupancy[row][column]` is the share (0–1, to 0.001) of
 * the cell's bytes × events that live blocks' requested bytes filled. Row 0 holds the lowest
 * addresses (offsets from the heap's start); rows above the highest block are left out.
 */
export interface AddressMap {
  eventsPerColumn: number;
  bytesPerRow: number;
  occupancy: number[][];
}

/** Where a report came from, so a figure can be traced back and redone. */
export interface Provenance {
  /** The command line (argv after `node`), or null when called from code. */
  command: string[] | null;
  memscope: string;
  node: string;
  traces: { trace: string; sha256: string | null; bytes: number | null }[];
  /** Allocator granule, header bytes and heap limit (null: none) the replays ran with. */
  settings: { align: number; header: number; limit: number | null };
}

/**
 * The policy-independent analyses of one trace (sites, sizes, lifetimes, leaks): their shape is
 * the allocator lab's (alloc-lab/analyses); the format checks that each names its trace.
 */
export interface TraceAnalysesRecord {
  trace: string;
}

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
  /** With analyses: fragmentation, free extents and largest free block over time. */
  timeSeries?: TimePoint[];
  /** With analyses: where the live blocks sat over time. */
  addressMap?: AddressMap;
}

/** `A`: the type of the analyses, the lab's AnalysedTrace where it is known. */
export interface LabReport<A extends TraceAnalysesRecord = AnalysedTrace> {
  format: 'memscope';
  /** FORMAT_VERSION when written; a reader takes 1 up to its own. */
  version: number;
  kind: 'lab-report';
  /** Command, memscope version, trace hashes, settings. */
  provenance?: Provenance;
  results: PolicyResult[];
  /** With analyses: per trace, its sites, sizes, lifetimes and leaks (policy-independent). */
  analyses?: A[];
}

/** The envelope of the lab's results before they joined the one format (read, never written). */
export const LEGACY_LAB_FORMAT = 'memscope-lab';

export function labReport<A extends TraceAnalysesRecord>(results: PolicyResult[], extra: { provenance?: Provenance; analyses?: A[] } = {}): LabReport<A> {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kind: 'lab-report',
    ...(extra.provenance === undefined ? {} : { provenance: extra.provenance }),
    results,
    ...(extra.analyses === undefined ? {} : { analyses: extra.analyses }),
  };
}

/**
 * Reads a lab report (JSON text or parsed) and validates every result deeply; errors are
 * FormatErrors naming the JSON path. Accepts the old `memscope-lab` envelope (see above).
 */
export function checkLabReport(input: unknown, source = 'payload'): LabReport {
  const doc = parseDocument(input, source);
  const c = new Checker(source);
  const d = c.obj(doc, '(root)', 'a JSON object');
  if (d.format === LEGACY_LAB_FORMAT) {
    // The old envelope only ever had version 1 (the current one's versions are its own).
    if (typeof d.version === 'number' && d.version > 1) c.fail('version', `version 1 or older: the old memscope-lab envelope had no other (found ${d.version})`);
    checkVersion(d.version, source);
  } else if (checkEnvelope(d, source) !== 'lab-report') {
    c.fail('kind', '"lab-report"');
  }
  const results = c.arr(d.results, 'results', 'an array of policy results');
  results.forEach((r, i) => checkPolicyResult(c, r, `results[${i}]`));
  if (d.provenance !== undefined) checkProvenance(c, d.provenance);
  if (d.analyses !== undefined) c.arr(d.analyses, 'analyses').forEach((a, i) => checkAnalyses(c, a, `analyses[${i}]`));
  return labReport(results as PolicyResult[], {
    provenance: d.provenance as Provenance | undefined,
    analyses: d.analyses as AnalysedTrace[] | undefined,
  });
}

/** The analyses' skeleton (format/analyses.ts): what the page and the charts index into. */
function checkAnalyses(c: Checker, x: unknown, path: string): void {
  const a = c.obj(x, path);
  c.str(a.trace, `${path}.trace`);
  c.int(a.events, `${path}.events`, 0);
  const sites = c.obj(a.sites, `${path}.sites`);
  c.arr(sites.rows, `${path}.sites.rows`).forEach((r, i) => {
    const row = c.obj(r, `${path}.sites.rows[${i}]`);
    c.str(row.site, `${path}.sites.rows[${i}].site`);
    for (const k of ['allocations', 'bytes', 'peakBytes', 'leakedBytes']) c.int(row[k], `${path}.sites.rows[${i}].${k}`, 0);
  });
  c.obj(sites.others, `${path}.sites.others`);
  c.arr(c.obj(a.sizes, `${path}.sizes`).histogram, `${path}.sizes.histogram`);
  const life = c.obj(a.lifetimes, `${path}.lifetimes`);
  c.arr(life.events, `${path}.lifetimes.events`);
  c.arr(life.bytes, `${path}.lifetimes.bytes`);
  const leaks = c.obj(a.leaks, `${path}.leaks`);
  c.int(leaks.blocks, `${path}.leaks.blocks`, 0);
  c.arr(leaks.bySite, `${path}.leaks.bySite`);
}

function checkProvenance(c: Checker, x: unknown): void {
  const p = c.obj(x, 'provenance');
  if (p.command !== null) c.arr(p.command, 'provenance.command', 'an array of strings or null').forEach((a, i) => c.str(a, `provenance.command[${i}]`));
  c.str(p.memscope, 'provenance.memscope');
  c.str(p.node, 'provenance.node');
  c.arr(p.traces, 'provenance.traces').forEach((t, i) => {
    const path = `provenance.traces[${i}]`;
    const trace = c.obj(t, path);
    c.str(trace.trace, `${path}.trace`);
    if (trace.sha256 !== null && !/^[0-9a-f]{64}$/.test(String(trace.sha256))) c.fail(`${path}.sha256`, 'a SHA-256 in hex or null');
    if (trace.bytes !== null) c.int(trace.bytes, `${path}.bytes`, 0);
  });
  const settings = c.obj(p.settings, 'provenance.settings');
  c.int(settings.align, 'provenance.settings.align', 1);
  c.int(settings.header, 'provenance.settings.header', 0);
  if (settings.limit !== null) c.int(settings.limit, 'provenance.settings.limit', 0);
}

function checkPolicyResult(c: Checker, x: unknown, path: string): void {
  const r = c.obj(x, path);
  const count = (v: unknown, p: string): number => c.int(v, p, 0);
  const bytes = (v: unknown, p: string): number => {
    if (c.num(v, p) < 0) c.fail(p, 'a number >= 0');
    return v as number;
  };
  const ratio = (v: unknown, p: string): void => {
    if (v !== null) c.num(v, p, 'a finite number or null');
  };
  c.str(r.trace, `${path}.trace`);
  c.str(r.policy, `${path}.policy`);
  const settings = c.obj(r.settings, `${path}.settings`);
  count(settings.align, `${path}.settings.align`);
  count(settings.header, `${path}.settings.header`);
  if (settings.limit !== null) count(settings.limit, `${path}.settings.limit`);
  c.oneOf(settings.mode, `${path}.settings.mode`, ['strict', 'lenient'] as const);
  count(r.events, `${path}.events`);
  const ops = c.obj(r.ops, `${path}.ops`);
  for (const op of ['alloc', 'free', 'realloc']) count(ops[op], `${path}.ops.${op}`);
  for (const key of ['peakLive', 'liveAtEnd', 'footprint', 'heapAtEnd']) bytes(r[key], `${path}.${key}`);
  const f = c.obj(r.fragmentation, `${path}.fragmentation`);
  for (const key of ['f1', 'f2', 'f3', 'f4']) ratio(f[key], `${path}.fragmentation.${key}`);
  const search = c.obj(r.searchLength, `${path}.searchLength`);
  bytes(search.mean, `${path}.searchLength.mean`);
  bytes(search.max, `${path}.searchLength.max`);
  count(search.allocations, `${path}.searchLength.allocations`);
  count(r.failures, `${path}.failures`);
  const problems = c.obj(r.problems, `${path}.problems`);
  count(problems.count, `${path}.problems.count`);
  const byKind = c.obj(problems.byKind, `${path}.problems.byKind`);
  for (const [kind, n] of Object.entries(byKind)) {
    c.oneOf(kind, `${path}.problems.byKind`, TRACE_PROBLEM_KINDS);
    count(n, `${path}.problems.byKind.${kind}`);
  }
  c.arr(problems.first, `${path}.problems.first`).forEach((x, i) => {
    const p = `${path}.problems.first[${i}]`;
    const problem = c.obj(x, p);
    c.str(problem.file, `${p}.file`);
    c.int(problem.line, `${p}.line`, 0);
    c.oneOf(problem.kind, `${p}.kind`, TRACE_PROBLEM_KINDS);
    c.str(problem.message, `${p}.message`);
  });
  bytes(r.wallMs, `${path}.wallMs`);
  bytes(r.opsPerSecond, `${path}.opsPerSecond`);
  let previous = -1;
  c.arr(r.series, `${path}.series`).forEach((x, i) => {
    const p = `${path}.series[${i}]`;
    const point = c.obj(x, p);
    const step = count(point.step, `${p}.step`);
    if (step <= previous) c.fail(`${p}.step`, `a step above ${previous} (buckets ascend)`);
    previous = step;
    count(point.steps, `${p}.steps`);
    for (const key of ['liveMin', 'liveMax', 'heapMin', 'heapMax']) bytes(point[key], `${p}.${key}`);
  });
  if (r.timeSeries !== undefined) {
    c.arr(r.timeSeries, `${path}.timeSeries`).forEach((x, i) => {
      const p = `${path}.timeSeries[${i}]`;
      const point = c.obj(x, p);
      for (const key of ['event', 'freeExtents', 'allocations', 'failures']) count(point[key], `${p}.${key}`);
      for (const key of ['live', 'heap', 'freeBytes', 'largestFree']) bytes(point[key], `${p}.${key}`);
      ratio(point.f1, `${p}.f1`);
      ratio(point.f2, `${p}.f2`);
    });
  }
  if (r.addressMap !== undefined) {
    const p = `${path}.addressMap`;
    const map = c.obj(r.addressMap, p);
    c.int(map.eventsPerColumn, `${p}.eventsPerColumn`, 1);
    c.int(map.bytesPerRow, `${p}.bytesPerRow`, 1);
    let width = -1;
    c.arr(map.occupancy, `${p}.occupancy`).forEach((row, i) => {
      const cells = c.arr(row, `${p}.occupancy[${i}]`);
      if (width >= 0 && cells.length !== width) c.fail(`${p}.occupancy[${i}]`, `a row of ${width} cells, as the first`);
      width = cells.length;
      cells.forEach((v, j) => {
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) c.fail(`${p}.occupancy[${i}][${j}]`, 'a share from 0 to 1');
      });
    });
  }
}
