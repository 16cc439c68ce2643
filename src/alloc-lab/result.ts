/** A replay's outcome as the lab report's record (the `lab-report` document, src/format/lab-report.ts). */
import * as format from '../format/lab-report';
import type { PolicyResult, ReplaySettings } from '../format/lab-report';
import type { AnalysedTrace } from './analyses/analyse';
import type { ReplayOutcome } from './replay';

/** The lab's report: the format's `lab-report` with the lab's analyses typed. */
export type LabReport = format.LabReport<AnalysedTrace>;

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
    ...(outcome.addressMap === undefined ? {} : { addressMap: outcome.addressMap }),
  };
}

export const labReport: (results: PolicyResult[], extra?: { provenance?: format.Provenance; analyses?: AnalysedTrace[] }) => LabReport = format.labReport;
