/**
 * `memscope replay TRACE…`: the allocator lab from the shell. Replays real heap traces on
 * several policies (in parallel on worker threads) and prints the comparison as a table,
 * as the lab's JSON, or as a self-contained HTML report with charts.
 */
import * as fs from 'fs';
import * as os from 'os';
import { byteCountFlag, exclusive, integerFlag, parseArgs, powerOfTwoFlag, repeated, SWITCH, VALUE, valueOf } from '../args';
import { type CliIo, type Command, UsageError } from '../command';
import { allPolicies, compare, planTasks, ReplayInterrupted, type CompareProgress, type PlannedTask } from '../../alloc-lab/compare';
import { POLICIES } from '../../engine/allocators';
import type { LabReport } from '../../format/lab-report';
import { bytes, formatTable } from '../../views/lab/table';
import { TraceError, type TraceProblem } from '../../traces/types';

const USAGE = `Usage: memscope replay TRACE [TRACE…] [options]

Replays heap traces (glibc mtrace, memscope JSONL/CSV; plain or .gz) on allocator
policies and compares them: peak live bytes, footprint, fragmentation #1–#4
(Johnstone & Wilson, ISMM 1998), search length, failures, speed.

Options:
  --policy LIST     comma-separated policies, or 'all'; default: all but the
                    '-naive' reference twins (same placement, O(n) search):
${wrap(allPolicies().join(', '), 20, 80)}
  --align N         allocator granule in bytes, a power of two (default 16)
  --header N        bookkeeping bytes in front of each block (default 0)
  --limit BYTES     heap limit (e.g. 1048576, 512K, 64M); allocations past it fail
  --strict          stop at the first problem in a trace (exit code 1)
  --lenient         skip faulty events, count and report them (default)
  --json            print the results as JSON (memscope format, kind 'lab-report')
  --analyses        also analyse each trace: allocation sites, request sizes,
                    lifetimes, leaks (in the JSON as sites, sizes, lifetimes,
                    leaks), each policy's heap over time (timeSeries) and where
                    its blocks sat (addressMap)
  --symbols         with --analyses: name sites the trace left as bare addresses
                    from the binary's symbol table (binutils nm), when at hand
  --binary NAME=PATH  the binary for a module the trace names by argv[0],
                    e.g. --binary pod2text=/usr/bin/perl (repeatable)
  --html FILE       also write a self-contained HTML report with charts (implies
                    --analyses: the page shows the sites, sizes, lifetimes, leaks)
  --jobs N          worker threads (default: number of cores; 1 = no workers)

Exit codes: 0 done, 1 a trace could not be read or had a problem under --strict, 2 bad usage.`;

/** Word-wraps text to `width` columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay heap traces on allocator policies and compare fragmentation',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    const plan = planTasks(options.traces, options.compare.policies, options.compare.jobs);
    warnAboutCost(options.compare.policies, io);
    const progress = new ProgressLine(io, plan, options.traces);
    // Ctrl-C stops the replays and prints what they got through; a second Ctrl-C ends at once.
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort(new Error('stopped by Ctrl-C'));
    process.once('SIGINT', onInterrupt);
    let report: LabReport;
    let stopped: ReplayInterrupted | undefined;
    try {
      report = await compare(options.traces, {
        ...options.compare,
        command: ['memscope', 'replay', ...args],
        signal: controller.signal,
        onProgress: (p) => progress.update(p),
      });
    } catch (err) {
      progress.clear();
      if (err instanceof ReplayInterrupted) {
        stopped = err;
        report = err.partial;
      } else if (err instanceof TraceError) {
        io.err(`memscope replay: ${err.message}\n`);
        return 1;
      } else throw err;
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
    progress.clear();
    if (stopped) {
      const read = options.traces.map((t, i) => `${t}: ${count(stopped!.readEvents[i])} events read`).join('; ');
      io.err(`memscope replay: ${stopped.message}: PARTIAL results, each policy over the events it replayed so far (${read})\n`);
    }
    if (options.json) io.out(`${JSON.stringify(stopped ? { ...report, partial: { reason: stopped.message, eventsRead: stopped.readEvents } } : report)}\n`);
    else io.out(textReport(report, stopped !== undefined));
    problemSummary(report, io);
    if (options.html !== undefined && !stopped) {
      // vega and vega-lite take ~150 ms to load: only an HTML report needs them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (a require: the CLI's bundle leaves it outside, see scripts/bundle-cli.js)
      const { reportHtml } = require('../../views/lab/page') as typeof import('../../views/lab/page');
      fs.writeFileSync(options.html, await reportHtml(report));
      io.err(`wrote ${options.html}\n`);
    }
    return stopped ? 130 : 0;
  },
};

/** The O(n) policies take minutes where the others take a second: say so before starting. */
function warnAboutCost(policies: string[], io: CliIo): void {
  const slow = POLICIES.filter((p) => p.cost === 'O(n)' && policies.includes(p.name)).map((p) => p.name);
  if (slow.length === 0) return;
  io.err(
    `memscope replay: ${slow.join(', ')} search${slow.length === 1 ? 'es' : ''} the free blocks one by one (O(n) per allocation): ` +
      `expect minutes on a 10^6-event trace where the others take seconds; Ctrl-C stops and prints the results so far\n`,
  );
}

interface ReplayCliOptions {
  traces: string[];
  json: boolean;
  html?: string;
  compare: {
    policies: string[];
    align?: number;
    header?: number;
    limit?: number;
    mode: 'strict' | 'lenient';
    jobs: number;
    analyses?: { symbols?: { binaries: Record<string, string> } };
  };
}

const FLAGS = {
  '--policy': valueOf('a comma-separated list of policies, or all'),
  '--align': VALUE,
  '--header': VALUE,
  '--limit': VALUE,
  '--strict': SWITCH,
  '--lenient': SWITCH,
  '--json': SWITCH,
  '--html': valueOf('the HTML file to write'),
  '--jobs': VALUE,
  '--analyses': SWITCH,
  '--symbols': SWITCH,
  '--binary': repeated('NAME=PATH'),
};

function parseOptions(args: string[]): ReplayCliOptions {
  const parsed = parseArgs(args, FLAGS, 'replay');
  const f = parsed.flags;
  const v = {
    policy: f['--policy'], align: f['--align'], header: f['--header'], limit: f['--limit'], strict: f['--strict'], lenient: f['--lenient'],
    json: f['--json'], html: f['--html'], jobs: f['--jobs'], analyses: f['--analyses'], symbols: f['--symbols'], binary: f['--binary'],
  };
  if (parsed.positionals.length === 0) throw new UsageError('expected at least one trace file (see memscope replay --help)');
  exclusive(f, '--strict', '--lenient');
  const policies =
    v.policy === undefined ? defaultPolicies() : v.policy === 'all' ? allPolicies() : v.policy.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = policies.filter((p) => !allPolicies().includes(p));
  if (unknown.length) throw new UsageError(`unknown policy ${unknown.map((p) => `'${p}'`).join(', ')}; expected one of: ${allPolicies().join(', ')}, or all`);
  if (policies.length === 0) throw new UsageError('--policy needs at least one policy name');
  if ((v.symbols || v.binary) && !v.analyses && v.html === undefined) throw new UsageError('--symbols and --binary go with --analyses (or --html)');
  const binaries: Record<string, string> = {};
  for (const b of v.binary ?? []) {
    const eq = b.indexOf('=');
    if (eq <= 0 || eq === b.length - 1) throw new UsageError(`--binary expects NAME=PATH (e.g. pod2text=/usr/bin/perl), got '${b}'`);
    binaries[b.slice(0, eq)] = b.slice(eq + 1);
  }
  const align = v.align === undefined ? undefined : powerOfTwoFlag('--align', v.align);
  return {
    traces: parsed.positionals,
    json: v.json === true,
    html: v.html,
    compare: {
      policies,
      align,
      header: v.header === undefined ? undefined : integerFlag('--header', v.header, 0),
      limit: v.limit === undefined ? undefined : byteCountFlag('--limit', v.limit),
      mode: v.strict ? 'strict' : 'lenient',
      jobs: v.jobs === undefined ? os.availableParallelism() : integerFlag('--jobs', v.jobs, 1),
      ...(v.analyses || v.html !== undefined ? { analyses: v.symbols || v.binary ? { symbols: { binaries } } : {} } : {}),
    },
  };
}

/**
 * The naive policies exist to test their fast twins against: they place blocks exactly the
 * same way, so they add no information to a comparison and take minutes on a 10^6-event trace.
 */
function defaultPolicies(): string[] {
  return allPolicies().filter((p) => !p.endsWith('-naive'));
}

function textReport(report: LabReport, partial: boolean): string {
  const traces = [...new Set(report.results.map((r) => r.trace))];
  return traces
    .map((trace) => {
      const rows = report.results.filter((r) => r.trace === trace);
      const events = partial
        ? `PARTIAL, stopped after ${rows.map((r) => `${count(r.events)} (${r.policy})`).join(', ')} events`
        : `${count(rows[0].events)} events`;
      return `${trace}: ${events}\n${formatTable(rows)}\n`;
    })
    .join('\n');
}

/** Problems per trace (the same trace fault shows up under every policy: listed once). */
function problemSummary(report: LabReport, io: CliIo): void {
  const traces = [...new Set(report.results.map((r) => r.trace))];
  for (const trace of traces) {
    const rows = report.results.filter((r) => r.trace === trace);
    const count = Math.max(...rows.map((r) => r.problems.count));
    if (count === 0) continue;
    const seen = new Map<string, TraceProblem>();
    for (const r of rows) for (const p of r.problems.first) seen.set(`${p.line}\u0000${p.kind}\u0000${p.message}`, p);
    const kinds = Object.entries(rows.find((r) => r.problems.count === count)?.problems.byKind ?? {})
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    io.err(`${trace}: ${count} problem${count === 1 ? '' : 's'} skipped (${kinds})\n`);
    const shown = [...seen.values()].sort((a, b) => a.line - b.line).slice(0, 10);
    for (const p of shown) io.err(`  ${p.file}:${p.line}: ${p.kind}: ${p.message}\n`);
    if (count > shown.length) io.err(`  … and ${count - shown.length} more\n`);
  }
}

/**
 * An event count with thousands separators, "312,828": what toLocaleString('en') prints, without
 * its first call's ~10 ms of setting up ICU's number formatting in a process that needs it once.
 */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Seconds as "42 s", "3 min 5 s", "1 h 20 min". */
function duration(secs: number): string {
  if (secs < 60) return `${Math.ceil(secs)} s`;
  if (secs < 3600) return `${Math.floor(secs / 60)} min ${Math.round(secs % 60)} s`;
  return `${Math.floor(secs / 3600)} h ${Math.round((secs % 3600) / 60)} min`;
}

/** A one-line progress bar with speed and ETA on a terminal; on a pipe, a line every 10 s and one per finished trace. */
class ProgressLine {
  private readonly started = Date.now();
  /** Bytes each task reads: its trace's size (a task reads its trace once). */
  private readonly taskBytes: number[];
  private totalBytes: number;
  private readonly perTask = new Map<number, { bytes: number; replayed: number; done: boolean }>();
  private readonly tasksLeft: number[];
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly io: CliIo, private readonly plan: PlannedTask[], traces: string[]) {
    const sizes = traces.map((t) => {
      try {
        return fs.statSync(t).size;
      } catch {
        return 0; // a missing file is reported by the replay itself
      }
    });
    this.taskBytes = plan.map((t) => sizes[t.traceIndex]);
    this.totalBytes = this.taskBytes.reduce((a, b) => a + b, 0);
    this.tasksLeft = traces.map((_, i) => plan.filter((t) => t.traceIndex === i).length);
  }

  update(p: CompareProgress): void {
    const task = this.plan[p.task];
    if (this.taskBytes[p.task] === 0 && p.progress.totalBytes !== undefined) {
      // stdin redirected from a file: its size is known once it is opened.
      this.totalBytes += p.progress.totalBytes;
      this.taskBytes[p.task] = p.progress.totalBytes;
    }
    this.perTask.set(p.task, {
      bytes: p.done ? this.taskBytes[p.task] : p.progress.bytesRead,
      replayed: p.progress.events * task.policies.length,
      done: p.done,
    });
    if (p.done && --this.tasksLeft[task.traceIndex] === 0 && !this.io.isTTY) {
      const policies = this.plan.filter((t) => t.traceIndex === task.traceIndex).reduce((n, t) => n + t.policies.length, 0);
      const secs = (Date.now() - this.started) / 1000;
      this.io.err(`replayed ${p.trace}: ${count(p.progress.events)} events on ${policies} polic${policies === 1 ? 'y' : 'ies'} (done after ${secs.toFixed(1)} s)\n`);
    }
    const now = Date.now();
    if (!this.io.isTTY) {
      // On a pipe or a log file: a line every 10 s once a run takes a while, never a bar.
      if (!p.done && now - this.started > 5000 && now - this.lastDraw >= 10_000) {
        this.lastDraw = now;
        this.io.err(`replaying: ${this.status()}\n`);
      }
      return;
    }
    if (now - this.lastDraw < 100 && !p.done) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Fraction read, bytes, speed and ETA (when the total is known: files, not stdin). */
  private status(): string {
    let read = 0;
    let replayed = 0;
    let done = 0;
    for (const t of this.perTask.values()) {
      read += t.bytes;
      replayed += t.replayed;
      if (t.done) done++;
    }
    const tasks = this.plan.length;
    const known = this.totalBytes > 0;
    const fraction = known ? Math.min(1, read / this.totalBytes) : done / tasks;
    const secs = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = replayed / secs;
    const eta = known && fraction > 0.01 && fraction < 1 ? `  ETA ${duration((secs * (1 - fraction)) / fraction)}` : '';
    const speed = `${rate >= 1e6 ? `${(rate / 1e6).toFixed(2)}M` : `${(rate / 1e3).toFixed(0)}k`} events/s`;
    const amount = known ? `${(fraction * 100).toFixed(0).padStart(3)}%  ${bytes(read)} / ${bytes(this.totalBytes)}` : `${bytes(read)} read`;
    return `${amount}  ${speed}${eta}  ${done}/${tasks} tasks`;
  }

  private draw(): void {
    let read = 0;
    let done = 0;
    for (const t of this.perTask.values()) {
      read += t.bytes;
      if (t.done) done++;
    }
    const fraction = this.totalBytes > 0 ? Math.min(1, read / this.totalBytes) : done / this.plan.length;
    const width = 24;
    const filled = Math.round(fraction * width);
    this.io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.status()}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.err('\r\x1b[K');
    this.drawn = false;
  }
}
