/**
 * The policy-independent analyses of one trace file: read it (with call sites) and run the
 * TraceAnalyser over every event, optionally naming bare-address sites from the binaries.
 * (The lab's compare feeds its analyser the columns it reads for the replay and ends with
 * finishAnalysis: one parse for both.)
 */
import { readTrace } from '../../traces/read-trace';
import type { TraceSource } from '../../traces/source';
import type { ProblemMode } from '../../traces/types';
import type { AnalysedTrace } from '../../format/analyses';
import { symbolise, type SymbolOptions } from './symbols';
import { type AnalyserOptions, TraceAnalyser } from './trace-analysis';

export interface AnalyseOptions extends AnalyserOptions {
  mode?: ProblemMode;
  /** Look up names for sites without one (runs binutils' nm on each binary); default off. */
  symbols?: boolean | SymbolOptions;
  signal?: AbortSignal;
}

export type { AnalysedTrace };

/**
 *   const a = await analyseTrace('traces/sort.mtrace.gz');
 *   a.sites.rows[0]       // the site that asked for the most bytes
 *   a.leaks.bytes         // bytes live at exit
 */
export async function analyseTrace(source: TraceSource, name?: string, options: AnalyseOptions = {}): Promise<AnalysedTrace> {
  const started = performance.now();
  const label = name ?? (typeof source === 'string' ? source : '<stream>');
  const reader = readTrace(source, { mode: options.mode ?? 'lenient', name: label, sites: true });
  const analyser = new TraceAnalyser(options);
  for await (const batch of reader) {
    options.signal?.throwIfAborted();
    analyser.add(batch);
  }
  return finishAnalysis(analyser, label, reader.sites(), reader.summary().problems.total, options, performance.now() - started);
}

/** The analyses of a trace fed to `analyser` in full, sites named when asked; `wallMs` so far, symbols are added to it. */
export async function finishAnalysis(
  analyser: TraceAnalyser,
  label: string,
  siteNames: readonly string[],
  problems: number,
  options: Pick<AnalyseOptions, 'symbols'>,
  wallMs: number,
): Promise<AnalysedTrace> {
  const started = performance.now();
  const result: AnalysedTrace = { ...analyser.finish(label, siteNames), problems, wallMs: 0 };
  if (options.symbols) {
    result.symbols = await symbolise(result.sites.rows, options.symbols === true ? {} : options.symbols);
    const names = new Map(result.sites.rows.map((r) => [r.site, r.symbol]));
    for (const leak of result.leaks.bySite) leak.symbol = names.get(leak.site) ?? leak.symbol;
  }
  result.wallMs = wallMs + performance.now() - started;
  return result;
}
