/**
 * A digest of everything the trace readers give, to show a change to them leaves the output
 * alone: every column of readColumns (op, block, newBlock, size, alignLog2, line, site, and
 * the chunk boundaries), its summary, problems and sites, and readTrace's events and summary,
 * over the shipped traces, an optional big trace, the inputs the tests feed and 200 seeded
 * hostile mtrace texts, each at several chunk sizes and options. Run it on a build before and
 * after, and compare:
 *
 *   node node_modules/typescript/bin/tsc -p tsconfig.bench.json
 *   node build/bench/bench/trace-digest.js /path/to/old/dist [quick] [big.mtrace] > before.txt
 *   node build/bench/bench/trace-digest.js dist [quick] [big.mtrace] > after.txt && cmp before.txt after.txt
 *
 * The first argument is a build's root (its src/traces/read-trace.js is loaded). "quick"
 * skips the slow variants (one byte per chunk on big texts, sites on every shipped trace).
 */
import * as crypto from 'crypto';
import * as path from 'path';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import type * as ReadTraceModule from '../src/traces/read-trace';

type Reader = typeof ReadTraceModule;
type Options = ReadTraceModule.ReadColumnsOptions;

const [buildRoot = 'dist', ...rest] = process.argv.slice(2);
const QUICK = rest.includes('quick');
const BIG = rest.find((a) => a !== 'quick');
const { readColumns, readTrace } = require(path.resolve(buildRoot, 'src/traces/read-trace.js')) as Reader;
const REPO = path.resolve(__dirname, '../../..');

const h = (): crypto.Hash => crypto.createHash('sha256');
const streamOf = (bytes: Buffer, size: number): Readable => {
  const p: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
  return Readable.from(p);
};
const COLUMNS = ['op', 'block', 'newBlock', 'size', 'alignLog2', 'line', 'site'] as const;

async function digestColumns(name: string, make: () => string | Readable, opts: Options): Promise<string[]> {
  const hs: Record<string, crypto.Hash> = { meta: h() };
  for (const k of COLUMNS) hs[k] = h();
  let reader: ReturnType<Reader['readColumns']> | undefined;
  let err: string | null = null;
  let n = 0;
  try {
    reader = readColumns(make(), opts);
    for await (const c of reader) {
      n += c.length;
      for (const k of COLUMNS) {
        const a = c[k];
        if (a === null) hs[k].update('null');
        else hs[k].update(Buffer.from(a.buffer, a.byteOffset, c.length * a.BYTES_PER_ELEMENT));
      }
      hs.meta.update(`${c.length},${c.first},${c.blockNumbers},${c.op.length};`);
    }
  } catch (e) {
    err = `${(e as Error).name}: ${(e as Error).message}`;
  }
  const out = [`${name} cols events=${n} err=${err}`];
  for (const k in hs) out.push(`${name} cols.${k} ${hs[k].digest('hex').slice(0, 16)}`);
  if (reader) {
    out.push(`${name} cols.summary ${JSON.stringify(reader.summary())}`);
    out.push(`${name} cols.sites ${h().update(JSON.stringify(reader.sites())).digest('hex').slice(0, 16)} ${reader.sites().length}`);
  }
  return out;
}

async function digestObjects(name: string, make: () => string | Readable, opts: Options): Promise<string[]> {
  const hh = h();
  let reader: ReturnType<Reader['readTrace']> | undefined;
  let err: string | null = null;
  let n = 0;
  try {
    reader = readTrace(make(), opts);
    for await (const b of reader) {
      n += b.length;
      hh.update(JSON.stringify(b));
    }
  } catch (e) {
    err = `${(e as Error).name}: ${(e as Error).message}`;
  }
  const out = [`${name} objs events=${n} err=${err} ${hh.digest('hex').slice(0, 16)}`];
  if (reader) out.push(`${name} objs.summary ${JSON.stringify(reader.summary())}`);
  return out;
}

// ---- corpus: the tests' inputs, then seeded hostile mtrace
const SAMPLE = ['= Start', '@ ./prog:[0x4005d6] + 0x1e3b2a0 0x64', '@ /usr/bin/perl:(Perl_safesyscalloc+1b)[0xf7d8b] + 0x1e3b310 0x18', '@ [0x7f12aa] < 0x1e3b2a0', '@ [0x7f12aa] > 0x1e3b6c0 0x3e8', '+ 0x1e3b700 0', '@ ./my prog:(main-0x10)[0x4005e1] < 0x1e3b310', '@ ./my prog:(main-0x10)[0x4005e1] > 0x1e3b310 0x20', '@ ./prog:[0x4005d6] + (nil) 0xffffffffff', '@ ./prog:[0x4005d6] ! 0x1e3b6c0 0xffffffffff', '@ ./prog:[0x4005f0] - 0x1e3b6c0', '@ ./prog:[0x4005f0] - 0x1e3b310', '@ ./prog:[0x4005f0] - 0x1e3b700', '= End', ''].join('\n');
const BAD = ['= Start', '@ ./prog:[0x4005d6] + 0x10 0x20', '@ ./prog:[0x4005d6] + zz 0x20', '@ ./prog:[0x4005d6] + 0x30', '@ ./prog 0x4005d6 - 0x10', '@ ./prog:[0x4005d6] * 0x10', '@ ./prog:[0x4005d6] > 0x40 0x8', '@ ./prog:[0x4005d6] < 0x10', '@ ./prog:[0x4005d6] - 0x10', '= Begin', '- 0x10 trailing'].join('\n');
const LIVE = ['+ 0xa0 0x10', '- 0xb0', '- 0xa0', '- 0xa0', '+ 0xc0 0x8', '+ 0xc0 0x8', '< 0xd0', '> 0xe0 0x40', '- 0xe0'].join('\n');
const texts: Array<[string, string]> = [
  ['sample', SAMPLE], ['sample-crlf', SAMPLE.replace(/\n/g, '\r\n')], ['bad', BAD], ['live', LIVE],
  ['problems50', Array.from({ length: 50 }, (_, i) => `+ 0x${(i + 1).toString(16)} nope`).join('\n')],
  ['big-mtrace', ['= Start', '@ ./p:[0x1] + 0x10 0x20000000000001', '@ ./p:[0x1] + 0x20 0x10', '@ ./p:[0x2] - 0x10', '@ ./p:[0x2] - 0x20', '= End'].join('\n')],
  ['big-jsonl', ['#memscope-trace v1', '{"op":"alloc","id":"a","size":9007199254740993}', '{"op":"alloc","id":"b","size":16}', '{"op":"free","id":"a"}', '{"op":"free","id":"b"}'].join('\n')],
  ['big-csv', ['op,id,size,align,new_id', 'alloc,a,9007199254740993,16,', 'alloc,b,16,16,', 'free,a,,,', 'free,b,,,'].join('\n')],
  ['realloc-big', ['@ [0x1] + 0x10 0x10', '@ [0x1] < 0x10', '@ [0x1] > 0x30 0x20000000000000', '@ [0x1] - 0x30'].join('\n')],
  ['bom1', '\ufeff= Start\n@ [0x1] + 0x10 0x8\n'], ['bom2', '\ufeff{"op":"alloc","id":"a","size":8}\n'], ['bom3', '\ufeffop,id,size,align,new_id\nalloc,a,8,16,\n'],
  ['sites', ['= Start', '@ ./prog:(main+1a)[0x4005d6] + 0x10 0x20', '+ 0x40 0x8', '@ ./prog:[0x4005e1] < 0x10', '@ ./prog:[0x4005e1] > 0x80 0x30', '@ ./prog:(main+1a)[0x4005d6] + 0x90 0x20', '@ [0x7f00] - 0x80', '= End'].join('\n')],
  ['jsonl-sites', ['{"op":"alloc","id":"a","size":8,"site":"main.rs:3"}', '{"op":"alloc","id":"b","size":8,"site":"main.rs:3"}', '{"op":"realloc","id":"a","new_id":"c","size":16,"site":"lib.rs:9"}', '{"op":"alloc","id":"d","size":8,"site":7}'].join('\n')],
  ['stdin-trace', ['= Start', '@ ./p:[0x1] + 0xa0 0x10', '@ ./p:[0x2] < 0xa0', '@ ./p:[0x2] > 0xb0 0x20', '@ ./p:[0x3] - 0xb0', '@ ./p:[0x3] - 0xc0', ''].join('\n')],
  ['hello', 'hello world\n'], ['v2', '#memscope-trace v2\n{"op":"free","id":"a"}\n'],
  ['longline', '= Start\n@ [0x1] + 0x10 0x8\n' + '@ ' + 'x'.repeat(1100000) + '[0x1] + 0x20 0x8\n- 0x10\n- 0x20\n'],
  ['longline-end', '= Start\n@ [0x1] + 0x10 0x8\n' + '+ 0x20 0x' + '1'.repeat(1100000)],
  ['edge', ['+ 0xA0 0x10', '- 0xa0', '- 0xA0', '+ 0x0a0 0x10', '- 0x0a0', '+ 0x12345678901234 0x8', '- 0x12345678901234', '+ 0x1234567890123 0x8', '- 0x1234567890123', '+ 0xffffffffffffffff 0x1', '- 0xffffffffffffffff', '+ 0x0 0x1', '- 0x0', '+ 0x00 0x1', '- 0x00', '- (nil)', '+ (nil) 0x10', '< (nil)', '+ 0x10 0XA', '+ 0x20 0xA', '- 0x20', '+ 0x30 0x', '+ 0x40 00', '+ 0x50 0x0', '- 0x50', '+ 0x60 0x10 ', '- 0x60 ', '+  0x70 0x10', '-\t0x70', '+ 0x80\t0x10', '@ [0x1]', '@ [0x1] ', '@ [0x1] +', '@ [0x1] + ', '@  [0x1] + 0x90 0x1', '@[0x1] + 0x90 0x1', '+', '', '-', '< 0x10', '< 0x10', '> 0x11 0x1', '! 0x10', '! (nil) 0x1', '! 0x10 0x1', '> 0x11 0x1', '< 0x11 junk', '+ 0x99 0x10\r', '- 0x99\r\r', '+ 0x1fffffffffffff 0x1fffffffffffff', '< 0x1fffffffffffff', '> 0x1fffffffffffff 0x20000000000000', '- 0x1fffffffffffff', '+ 0x1e3b2a0 0x64', '< 0x1e3b2a0', '> 0x1e3b2a0 0x10', '< 0x1e3b2a0', '> 0x1e3b2a1 0x10', '< 0x1e3b2a1', '+ 0x5 0x5', '> 0x5 0x6', '# comment', '= Start', '=', '= End ', '\u00e9 + 0x1 0x1', '@ \u00e9:[0x1] + 0xaa 0x1', '- 0xaa', '@ ] + 0xab 0x1', '@ x] y] + 0xac 0x1', '@ a:[0x1] + 0xad 0x1 0x2', '- 0xad', '- 0xac', '- 0xab', '< 0xffff', '> 0xffff0 0x10', '- 0xffff0', '< 0xa0'].join('\n')],
];
// seeded random hostile mtrace
let seed = 12345;
const rnd = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
const pick = <T>(a: T[]): T => a[rnd(a.length)];
const callers = ['', '', '@ ./p:[0x4005d6] ', '@ [0x7f00] ', '@ ./a b:(main+1a)[0x10] ', '@ /usr/bin/perl:(Perl_safesysmalloc+26)[0xf6f96] ', '@ x] ', '@./p:[0x1] ', '@ ./p:[0x1]  ', '@ [0x1]', '@ ./p:[0x1]\t'];
const addrs = (): string => { const base = [0x10, 0x20, 0x30, 0x5acf870, 0x55963d95a860, 0x7fff12345670][rnd(6)] + 0x10 * rnd(4);
  switch (rnd(24)) { case 0: return '0x' + base.toString(16).toUpperCase(); case 1: return '0x0' + base.toString(16); case 2: return '(nil)'; case 3: return '0x' + 'a'.repeat(14); case 4: return '0x'; case 5: return 'zz'; case 6: return '0X10'; case 7: return '0x' + 'f'.repeat(16); case 8: return '(nil'; default: return '0x' + base.toString(16); } };
const sizes = (): string => { switch (rnd(20)) { case 0: return '0'; case 1: return '0x0'; case 2: return '0x20000000000001'; case 3: return ''; case 4: return 'zz'; case 5: return '0xA'; case 6: return '00'; case 7: return '0x1fffffffffffff'; default: return '0x' + (1 + rnd(5000)).toString(16); } };
function randomLine(): string {
  const r = rnd(100);
  if (r < 2) return pick(['= Start', '= End', '= Begin', '# c', '', '@', 'garbage']);
  const c = pick(callers);
  const op = r < 40 ? '+' : r < 70 ? '-' : r < 82 ? '<' : r < 94 ? '>' : r < 97 ? '!' : pick(['*', '', '+ ', '- ']);
  let line = c + op;
  if (op === '+' || op === '>' || op === '!') line += ' ' + addrs() + (rnd(15) ? ' ' + sizes() : '');
  else line += ' ' + addrs();
  if (rnd(30) === 0) line += pick([' ', ' junk', '\t', ' 0x1']);
  return line;
}
for (let t = 0; t < (QUICK ? 40 : 200); t++) {
  const lines: string[] = []; const n = 1 + rnd(300);
  for (let i = 0; i < n; i++) {
    // realistic pairs too
    if (rnd(4) === 0) { const a = '0x' + (0x1000 + 0x10 * rnd(30)).toString(16); lines.push(`@ ./p:[0x1] < ${a}`, `@ ./p:[0x1] > ${rnd(2) ? a : '0x' + (0x1000 + 0x10 * rnd(30)).toString(16)} 0x${(1 + rnd(999)).toString(16)}`); }
    else if (rnd(3) === 0) { const a = '0x' + (0x1000 + 0x10 * rnd(30)).toString(16); lines.push(rnd(2) ? `@ ./p:[0x1] + ${a} 0x${rnd(999).toString(16)}` : `@ ./p:[0x2] - ${a}`); }
    else lines.push(randomLine());
  }
  const eol = rnd(5) === 0 ? '\r\n' : '\n';
  let text = (rnd(10) === 0 ? '\ufeff' : '') + (rnd(2) ? '= Start' + eol : '') + lines.join(eol) + (rnd(2) ? eol : '');
  texts.push([`rand${t}`, text]);
}

void (async () => {
  const out: string[] = [];
  const files = ['traces/sort.mtrace.gz', 'traces/cc1-gun.mtrace.gz', 'traces/perl-pod2text.mtrace.gz', 'traces/python-tokenize.mtrace.gz'].map((f) => path.join(REPO, f));
  if (BIG) files.push(path.resolve(BIG));
  for (const f of files) {
    for (const [tag, opts] of [['default', {}], ['sites', { sites: true }], ['small-shared', { chunkEvents: 1000, shared: true, sites: true }]] as Array<[string, Options]>) {
      if (QUICK && tag !== 'default' && !f.includes('sort')) continue;
      out.push(...await digestColumns(`${path.basename(f)}/${tag}`, () => f, opts));
    }
    if (!QUICK) out.push(...await digestObjects(`${path.basename(f)}`, () => f, { sites: true }));
  }
  for (const [name, text] of texts) {
    const bytes = Buffer.from(text);
    for (const size of [1, 3, 64, 1 << 20]) {
      if (size < 64 && bytes.length > 200000) continue;
      for (const [tag, opts] of [['len', {}], ['sites', { sites: true, chunkEvents: 7 }], ['strict', { mode: 'strict' }], ['max3', { maxProblems: 3 }]] as Array<[string, Options]>) {
        if (size === 3 && tag !== 'len') continue;
        out.push(...await digestColumns(`${name}/${size}/${tag}`, () => streamOf(bytes, size), { ...opts, name: 'x' }));
        out.push(...await digestObjects(`${name}/${size}/${tag}`, () => streamOf(bytes, size), { ...opts, name: 'x' }));
      }
    }
    out.push(...await digestColumns(`${name}/gz`, () => streamOf(zlib.gzipSync(bytes), 100), { name: 'x' }));
  }
  process.stdout.write(out.join('\n') + '\n');
})();
