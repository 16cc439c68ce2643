/**
 * The analyses on the real traces in traces/, each checked against a second, deliberately
 * plain implementation: gunzip the mtrace text, split it into lines, split each line at its
 * spaces, keep everything in Maps, and count. Nothing here is a snapshot of the analyser's
 * own output; the leak totals are also the figures traces/README.md states.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { analyseTrace, finishAnalysis, type AnalysedTrace } from '../../../src/alloc-lab/analyses/analyse';
import { TraceAnalyser } from '../../../src/alloc-lab/analyses/trace-analysis';
import { readColumns } from '../../../src/traces/read-trace';

const TRACES = path.join(__dirname, '..', '..', '..', 'traces');

interface Plain {
  events: number;
  peak: number;
  sites: Map<string, { allocations: number; reallocs: number; bytes: number; peakBytes: number; leakedBlocks: number; leakedBytes: number }>;
  sizeBins: Map<number, number>;
  classes: Map<number, number>;
  lifeEventBins: Map<number, number>;
  lifeByteBins: Map<number, number>;
  temporary: number;
  died: number;
  leaks: { blocks: number; bytes: number };
}

/** Bin of a power-of-two histogram by the length of the number in binary: 0 → 0, 1 → 1, 2..3 → 2, … */
const bin = (n: number) => (n === 0 ? 0 : n.toString(2).length);
const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * One line at a time: `@ CALLER OP ADDR [SIZE]` or `OP ADDR [SIZE]`. A realloc is its '<'
 * line (old block, caller) plus the '>' line after it (new block, size). Two passes: the
 * first finds the event of peak live bytes, the second takes each site's live bytes there.
 */
function plainCount(file: string, granule: number): Plain {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('latin1').split('\n');
  type Ev = { op: '+' | '-' | 'r'; caller: string; id: string; newId: string; size: number };
  const events: Ev[] = [];
  let pending: { caller: string; id: string } | null = null;
  for (const line of lines) {
    if (line === '' || line.startsWith('=')) continue;
    const words = line.split(' ');
    let caller = '(no caller)';
    if (words[0] === '@') {
      caller = words[1];
      words.splice(0, 2);
    }
    const [op, addr, size] = words;
    if (addr === '(nil)' || op === '!') continue;
    if (op === '+') events.push({ op: '+', caller, id: addr, newId: addr, size: Number(size) });
    else if (op === '-') events.push({ op: '-', caller, id: addr, newId: addr, size: 0 });
    else if (op === '<') pending = { caller, id: addr };
    else if (op === '>') {
      events.push({ op: 'r', caller: pending!.caller, id: pending!.id, newId: addr, size: Number(size) });
      pending = null;
    }
  }

  const sites: Plain['sites'] = new Map();
  const site = (c: string) => {
    if (!sites.has(c)) sites.set(c, { allocations: 0, reallocs: 0, bytes: 0, peakBytes: 0, leakedBlocks: 0, leakedBytes: 0 });
    return sites.get(c)!;
  };
  const sizeBins = new Map<number, number>();
  const classes = new Map<number, number>();
  const lifeEventBins = new Map<number, number>();
  const lifeByteBins = new Map<number, number>();
  let temporary = 0;
  let died = 0;
  // id → [size, caller, birth event, bytes requested up to and including its birth]; null once freed
  const live = new Map<string, [number, string, number, number] | null>();
  let requested = 0;
  let liveBytes = 0;
  let peak = 0;
  let peakAt = -1;
  const kill = (id: string, at: number) => {
    const b = live.get(id)!;
    live.set(id, null);
    liveBytes -= b[0];
    died++;
    bump(lifeEventBins, bin(at - b[2]));
    bump(lifeByteBins, bin(requested - b[3]));
    if (requested === b[3]) temporary++;
  };
  const born = (id: string, size: number, caller: string, at: number) => {
    requested += size;
    liveBytes += size;
    live.set(id, [size, caller, at, requested]);
    bump(sizeBins, bin(size));
    bump(classes, Math.ceil(size / granule) * granule);
  };
  events.forEach((e, i) => {
    if (e.op === '+') {
      site(e.caller).allocations++;
      site(e.caller).bytes += e.size;
      born(e.id, e.size, e.caller, i);
    } else if (e.op === '-') kill(e.id, i);
    else {
      site(e.caller).allocations++;
      site(e.caller).reallocs++;
      site(e.caller).bytes += e.size;
      kill(e.id, i);
      born(e.newId, e.size, e.caller, i);
    }
    if (liveBytes > peak) {
      peak = liveBytes;
      peakAt = i;
    }
  });
  let blocks = 0;
  let bytes = 0;
  for (const b of live.values()) {
    if (b === null) continue;
    site(b[1]).leakedBlocks++;
    site(b[1]).leakedBytes += b[0];
    blocks++;
    bytes += b[0];
  }
  // Second pass: each site's live bytes right after the peak event.
  const again = new Map<string, [number, string] | null>();
  for (let i = 0; i <= peakAt; i++) {
    const e = events[i];
    if (e.op !== '+') again.set(e.id, null);
    if (e.op !== '-') again.set(e.newId, [e.size, e.caller]);
  }
  for (const b of again.values()) if (b !== null) site(b[1]).peakBytes += b[0];
  return { events: events.length, peak, sites, sizeBins, classes, lifeEventBins, lifeByteBins, temporary, died, leaks: { blocks, bytes } };
}

const histogramAsMap = (bins: { lo: number; count: number }[]) =>
  new Map(bins.filter((b) => b.count > 0).map((b) => [bin(b.lo), b.count]));

function expectSame(a: AnalysedTrace, p: Plain): void {
  expect(a.problems).toBe(0);
  expect(a.events).toBe(p.events);
  expect(a.peakLive).toBe(p.peak);
  // Sites: every row as counted, and rows + others cover every site.
  expect(a.sites.distinct).toBe(p.sites.size);
  for (const row of a.sites.rows) {
    const s = p.sites.get(row.site)!;
    expect({ site: row.site, ...s }).toEqual({
      site: row.site,
      allocations: row.allocations,
      reallocs: row.reallocs,
      bytes: row.bytes,
      peakBytes: row.peakBytes,
      leakedBlocks: row.leakedBlocks,
      leakedBytes: row.leakedBytes,
    });
  }
  const all = [...p.sites.values()];
  const sum = (k: 'allocations' | 'bytes') =>
    all.reduce((n, s) => n + s[k], 0);
  expect(a.sites.rows.reduce((n, r) => n + r.allocations, 0) + a.sites.others.allocations).toBe(sum('allocations'));
  expect(a.sites.rows.reduce((n, r) => n + r.bytes, 0) + a.sites.others.bytes).toBe(sum('bytes'));
  expect(a.sites.rows.reduce((n, r) => n + r.peakBytes, 0) + a.sites.others.peakBytes).toBe(p.peak);
  // The top site by each measure is a row.
  for (const k of ['allocations', 'bytes', 'peakBytes', 'leakedBytes'] as const) {
    const best = Math.max(...all.map((s) => s[k]));
    if (best > 0) expect(Math.max(...a.sites.rows.map((r) => r[k]))).toBe(best);
  }
  // Sizes.
  expect(histogramAsMap(a.sizes.histogram)).toEqual(p.sizeBins);
  for (const c of a.sizes.classes) expect(c.count).toBe(p.classes.get(c.size));
  expect(a.sizes.classes.length + a.sizes.otherClasses.classes).toBe(p.classes.size);
  // Lifetimes.
  expect(a.lifetimes.blocks).toBe(p.died);
  expect(a.lifetimes.temporary).toBe(p.temporary);
  expect(histogramAsMap(a.lifetimes.events)).toEqual(p.lifeEventBins);
  expect(histogramAsMap(a.lifetimes.bytes)).toEqual(p.lifeByteBins);
  // Leaks.
  expect({ blocks: a.leaks.blocks, bytes: a.leaks.bytes }).toEqual(p.leaks);
  for (const l of a.leaks.bySite) expect(l.bytes).toBe(p.sites.get(l.site)!.leakedBytes);
}

describe('trace analyses equal a plain line-by-line count of the shipped traces', () => {
  // Leaks at exit as traces/README.md states them.
  const cases: [string, number, number][] = [
    ['sort.mtrace.gz', 14, 224],
    ['cc1-gun.mtrace.gz', 5899, 2473812],
    ['perl-pod2text.mtrace.gz', 24213, 6016782],
    ['python-tokenize.mtrace.gz', 488, 57631],
  ];
  for (const [name, leakedBlocks, leakedBytes] of cases) {
    it(name, async () => {
      const file = path.join(TRACES, name);
      const a = await analyseTrace(file, name, { topSites: 10 });
      const p = plainCount(file, 16);
      expectSame(a, p);
      expect(a.leaks.blocks).toBe(leakedBlocks);
      expect(a.leaks.bytes).toBe(leakedBytes);
    });

    // What `memscope replay --analyses` does: the analyser fed the columns the replay reads (blocks by number, not id).
    it(`${name}, from the replay's columns`, async () => {
      const file = path.join(TRACES, name);
      const reader = readColumns(file, { name, sites: true, chunkEvents: 4096 });
      const analyser = new TraceAnalyser({ topSites: 10 });
      for await (const chunk of reader) analyser.addColumns(chunk);
      const a = await finishAnalysis(analyser, name, reader.sites(), reader.summary().problems.total, {}, 0);
      expectSame(a, plainCount(file, 16));
      expect(a.leaks.blocks).toBe(leakedBlocks);
      expect(a.leaks.bytes).toBe(leakedBytes);
      const { wallMs: _w, ...fromColumns } = a;
      const { wallMs: _e, ...fromEvents } = await analyseTrace(file, name, { topSites: 10 });
      expect(fromColumns).toEqual(fromEvents);
    });
  }
});
