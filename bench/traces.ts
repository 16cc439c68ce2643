/**
 * Trace importer benchmarks on the shipped 1.25·10^6-event python trace: mtrace parse speed
 * (target >= 100 MB/s of text), events/s from the gzip file, peak RSS while streaming it, and
 * the same workload replayed natively with glibc (bench/native-replay.c) as the reference.
 * Then the column reader (what the lab replays from) per cpu-second, in a fresh node as a user
 * runs it, on the shipped traces and a generated 10^7-event trace from a file and from stdin.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { pipeline } from 'stream/promises';
import { CSV_COLUMNS, formatCsv, formatJsonl, readTrace, TRACE_HEADER, TraceEvent } from '../src/traces';
import { BenchSuite, figure, timeMs } from './harness';

const BENCH_TRACE = 'traces/python-tokenize.mtrace.gz';

/** The repository root, whether this runs from bench/ or dist/bench/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, BENCH_TRACE))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${BENCH_TRACE} not found above ${__dirname}`);
    dir = up;
  }
  return dir;
}

async function countEvents(file: string, validateLiveness = true): Promise<{ events: number; textBytes: number }> {
  const reader = readTrace(file, { validateLiveness });
  let events = 0;
  for await (const batch of reader) events += batch.length;
  return { events, textBytes: reader.summary().textBytes };
}

/**
 * Writes the trace in native-replay.c's "slots" form: ids become small integers, reused once
 * their block is freed, so the C side needs no hash table in its timed loop.
 */
async function writeSlots(trace: string, out: string): Promise<number> {
  const slotOf = new Map<string, number>();
  const freeSlots: number[] = [];
  let slots = 0;
  const take = (id: string): number => {
    const slot = freeSlots.length ? freeSlots.pop()! : slots++;
    slotOf.set(id, slot);
    return slot;
  };
  const release = (id: string): number => {
    const slot = slotOf.get(id)!;
    slotOf.delete(id);
    freeSlots.push(slot);
    return slot;
  };
  const body = path.join(path.dirname(out), 'body.slots');
  const fd = fs.openSync(body, 'w');
  let events = 0;
  const line = (e: TraceEvent): string => {
    switch (e.op) {
      case 'alloc':
        return `a ${take(e.id)} ${e.size}\n`;
      case 'free':
        return `f ${release(e.id)}\n`;
      case 'realloc': {
        if (e.newId === e.id) return `r ${slotOf.get(e.id)} ${slotOf.get(e.id)} ${e.size}\n`;
        const newSlot = take(e.newId);
        return `r ${release(e.id)} ${newSlot} ${e.size}\n`;
      }
    }
  };
  for await (const batch of readTrace(trace)) {
    let text = '';
    for (const e of batch) text += line(e);
    fs.writeSync(fd, text);
    events += batch.length;
  }
  fs.closeSync(fd);
  fs.writeFileSync(out, `memscope-slots v1 ${events} ${slots}\n`);
  await pipeline(fs.createReadStream(body), fs.createWriteStream(out, { flags: 'a' }));
  fs.unlinkSync(body);
  return events;
}

/** The trace rewritten in one of memscope's own spellings (what tools/memscope-trace writes). */
async function writeMemscope(trace: string, out: string, csv: boolean): Promise<void> {
  const fd = fs.openSync(out, 'w');
  fs.writeSync(fd, `${TRACE_HEADER}\n${csv ? `${CSV_COLUMNS.join(',')}\n` : ''}`);
  for await (const batch of readTrace(trace)) {
    let text = '';
    for (const e of batch) text += `${csv ? formatCsv(e) : formatJsonl(e)}\n`;
    fs.writeSync(fd, text);
  }
  fs.closeSync(fd);
}

/** Peak RSS of a fresh node process that streams the trace (and of one that only loads the importer). */
function childPeakRss(traceModule: string, file: string | null): { events: number; maxRssMiB: number } {
  const script = `
    const { readTrace } = require(${JSON.stringify(traceModule)});
    (async () => {
      let events = 0;
      if (process.argv[1]) for await (const batch of readTrace(process.argv[1])) events += batch.length;
      console.log(JSON.stringify({ events, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file ?? ''], { encoding: 'utf8' }));
}

/** The column reader's budget: issue 11 asks >= 5·10^6 events/s per policy end to end, and replay takes ~100 of those 200 ns. */
const COLUMNS_TARGET = Math.round(1e9 / 65);

/**
 * readColumns in a fresh node (warm-up and all, as `memscope replay` reads), best of `runs`:
 * events per cpu-second of the reading alone (module loading is not counted). `stdin`: the
 * file is the child's stdin, as `memscope replay - < file` gives it.
 */
function columnRate(traceModule: string, file: string, stdin: boolean, runs = 3): { events: number; perCpuSecond: number } {
  const script = `
    const { readColumns } = require(${JSON.stringify(traceModule)});
    (async () => {
      const cpu0 = process.cpuUsage();
      let events = 0;
      for await (const chunk of readColumns(process.argv[1])) events += chunk.length;
      const cpu = process.cpuUsage(cpu0);
      console.log(JSON.stringify({ events, cpuMs: (cpu.user + cpu.system) / 1000 }));
    })();`;
  let best = { events: 0, perCpuSecond: 0 };
  for (let i = 0; i < runs; i++) {
    const fd = stdin ? fs.openSync(file, 'r') : undefined;
    try {
      const out = execFileSync(process.execPath, ['-e', script, stdin ? '-' : file], { encoding: 'utf8', stdio: [fd ?? 'ignore', 'pipe', 'inherit'] });
      const { events, cpuMs } = JSON.parse(out) as { events: number; cpuMs: number };
      if (events / cpuMs > best.perCpuSecond / 1000) best = { events, perCpuSecond: (events / cpuMs) * 1000 };
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  return best;
}

function columnFigures(log: (line: string) => void, root: string, traceModule: string, generated: string | null): void {
  const inputs: Array<[string, string, boolean]> = ['cc1-gun', 'perl-pod2text', 'python-tokenize'].map((name) => [`traces/${name}.mtrace.gz`, path.join(root, 'traces', `${name}.mtrace.gz`), false]);
  if (generated) inputs.push(['generated 10^7 events, file', generated, false], ['generated 10^7 events, stdin', generated, true]);
  for (const [name, file, stdin] of inputs) {
    const { events, perCpuSecond } = columnRate(traceModule, file, stdin);
    log(figure(`readColumns ${name}`, perCpuSecond, 'events/cpu-s', { value: COLUMNS_TARGET, higherIsBetter: true }) + `   (${events} events, ${(1e9 / perCpuSecond).toFixed(0)} ns each)`);
  }
}

export const suite: BenchSuite = {
  name: 'traces',
  async run(log) {
    const root = repoRoot();
    const gz = path.join(root, BENCH_TRACE);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-bench-traces-'));
    const plain = path.join(work, 'bench.mtrace');
    await pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(plain));
    const textMB = fs.statSync(plain).size / 1e6;

    let counted = { events: 0, textBytes: 0 };
    const parseMs = await timeMs(async () => { counted = await countEvents(plain); }, 3);
    log(`  ${BENCH_TRACE}: ${counted.events} events, ${textMB.toFixed(1)} MB of mtrace text`);
    log(figure('mtrace parse, liveness checked (plain file)', textMB / (parseMs / 1000), 'MB/s', { value: 100, higherIsBetter: true }));
    log(figure('mtrace parse, liveness checked (plain file)', counted.events / (parseMs / 1000), 'events/s'));
    // CPU time, not wall time: on a shared machine it shows the parser's own speed.
    const cpu0 = process.cpuUsage();
    await countEvents(plain);
    const cpu = process.cpuUsage(cpu0);
    log(figure('mtrace parse, liveness checked, per CPU-second', textMB / ((cpu.user + cpu.system) / 1e6), 'MB/s', { value: 100, higherIsBetter: true }));
    const rawMs = await timeMs(() => countEvents(plain, false), 3);
    log(figure('mtrace parse, no liveness checks (plain file)', textMB / (rawMs / 1000), 'MB/s', { value: 100, higherIsBetter: true }));
    const gzMs = await timeMs(() => countEvents(gz), 3);
    log(figure('mtrace read from .gz, liveness checked', counted.events / (gzMs / 1000), 'events/s'));
    log(figure('mtrace read from .gz, liveness checked', textMB / (gzMs / 1000), 'MB/s'));

    const traceModule = path.resolve(__dirname, '../src/traces');
    const baseline = childPeakRss(traceModule, null);
    const streamed = childPeakRss(traceModule, gz);
    log(figure('peak RSS streaming the .gz (fresh node)', streamed.maxRssMiB, 'MiB', { value: 256, higherIsBetter: false }));
    log(figure('  of which above an idle node with the importer', streamed.maxRssMiB - baseline.maxRssMiB, 'MiB'));

    for (const csv of [false, true]) {
      const file = path.join(work, csv ? 'bench.csv' : 'bench.jsonl');
      await writeMemscope(gz, file, csv);
      const mb = fs.statSync(file).size / 1e6;
      const ms = await timeMs(() => countEvents(file), 1);
      log(figure(`memscope ${csv ? 'CSV' : 'JSONL'} parse, liveness checked`, counted.events / (ms / 1000), 'events/s'));
      log(figure(`memscope ${csv ? 'CSV' : 'JSONL'} parse, liveness checked`, mb / (ms / 1000), 'MB/s'));
      fs.unlinkSync(file);
    }

    const slots = path.join(work, 'bench.slots');
    await writeSlots(gz, slots);
    const binary = path.join(work, 'native-replay');
    try {
      execFileSync('cc', ['-O2', '-o', binary, path.join(root, 'bench/native-replay.c'), '-lz'], { stdio: 'pipe' });
    } catch (err) {
      log(`  native replay skipped: cannot compile bench/native-replay.c with cc (${(err as Error).message.split('\n')[0]})`);
      columnFigures(log, root, traceModule, null);
      return;
    }
    const generated = path.join(work, 'generated.mtrace');
    const out10m = fs.openSync(generated, 'w');
    try {
      execFileSync(binary, ['--generate', '10000000'], { stdio: ['ignore', out10m, 'inherit'] });
    } finally {
      fs.closeSync(out10m);
    }
    columnFigures(log, root, traceModule, generated);
    fs.unlinkSync(generated);
    const out = execFileSync(binary, [slots, '5'], { encoding: 'utf8' });
    const opsPerSecond = Number(/ops_per_second (\d+)/.exec(out)?.[1]);
    log(figure('native glibc replay (malloc/free/realloc)', opsPerSecond, 'ops/s'));
    log(figure('importer events/s as a share of native replay ops/s', counted.events / (parseMs / 1000) / opsPerSecond, 'x'));
    fs.rmSync(work, { recursive: true, force: true });
  },
};
