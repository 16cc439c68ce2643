import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { readTrace, TraceError } from '../../src/traces';
import { readAll, streamOf } from './helpers';

const REPO = path.resolve(__dirname, '../..');

/** Every shape of line glibc 2.36's mtrace writes (caller forms, calloc, realloc, zero size, failures). */
const SAMPLE = [
  '= Start',
  '@ ./prog:[0x4005d6] + 0x1e3b2a0 0x64', // malloc(100)
  '@ /usr/bin/perl:(Perl_safesyscalloc+1b)[0xf7d8b] + 0x1e3b310 0x18', // calloc: also '+'
  '@ [0x7f12aa] < 0x1e3b2a0', // realloc moves the block…
  '@ [0x7f12aa] > 0x1e3b6c0 0x3e8', // …to here, 1000 bytes
  '+ 0x1e3b700 0', // no caller known; malloc(0): %#lx writes zero as "0"
  '@ ./my prog:(main-0x10)[0x4005e1] < 0x1e3b310', // a path with a space; in-place realloc
  '@ ./my prog:(main-0x10)[0x4005e1] > 0x1e3b310 0x20',
  '@ ./prog:[0x4005d6] + (nil) 0xffffffffff', // malloc failed: nothing allocated
  '@ ./prog:[0x4005d6] ! 0x1e3b6c0 0xffffffffff', // realloc failed: old block stays
  '@ ./prog:[0x4005f0] - 0x1e3b6c0',
  '@ ./prog:[0x4005f0] - 0x1e3b310',
  '@ ./prog:[0x4005f0] - 0x1e3b700',
  '= End',
  '',
].join('\n');

describe('mtrace importer', () => {
  it('reads every line shape glibc writes', async () => {
    const { events, summary } = await readAll(streamOf(SAMPLE), { name: 'sample.mtrace', mode: 'strict' });
    expect(events).toEqual([
      { op: 'alloc', id: '0x1e3b2a0', size: 100, align: 16, line: 2 },
      { op: 'alloc', id: '0x1e3b310', size: 24, align: 16, line: 3 },
      { op: 'realloc', id: '0x1e3b2a0', newId: '0x1e3b6c0', size: 1000, align: 16, line: 4 },
      { op: 'alloc', id: '0x1e3b700', size: 0, align: 16, line: 6 },
      { op: 'realloc', id: '0x1e3b310', newId: '0x1e3b310', size: 32, align: 16, line: 7 },
      { op: 'free', id: '0x1e3b6c0', line: 11 },
      { op: 'free', id: '0x1e3b310', line: 12 },
      { op: 'free', id: '0x1e3b700', line: 13 },
    ]);
    expect(summary).toMatchObject({
      file: 'sample.mtrace', format: 'mtrace', gzip: false, lines: 14, events: 8,
      allocs: 3, frees: 3, reallocs: 2, skippedLines: 4, live: { blocks: 0, bytes: 0 }, done: true,
    });
    expect(summary.problems.total).toBe(0);
  });

  it('gives the same events whatever the chunk boundaries, with CRLF line ends, from a file, gzip or not', async () => {
    const reference = (await readAll(streamOf(SAMPLE))).events;
    for (const size of [1, 2, 3, 7, 64]) {
      expect((await readAll(streamOf(SAMPLE, size))).events).toEqual(reference);
    }
    expect((await readAll(streamOf(SAMPLE.replace(/\n/g, '\r\n'), 5))).events).toEqual(reference);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-mtrace-'));
    const plain = path.join(dir, 'sample.mtrace');
    const gz = path.join(dir, 'sample.trace'); // gzip is found by its magic bytes, not the name
    fs.writeFileSync(plain, SAMPLE);
    fs.writeFileSync(gz, zlib.gzipSync(SAMPLE));
    const fromGz = await readAll(gz);
    expect(fromGz.events).toEqual(reference);
    expect(fromGz.summary.gzip).toBe(true);
    expect(fromGz.summary.textBytes).toBe(SAMPLE.length);
    const progress: Array<[number, number | undefined]> = [];
    const fromFile = await readAll(plain, { onProgress: (read, total) => progress.push([read, total]) });
    expect(fromFile.events).toEqual(reference);
    expect(progress[progress.length - 1]).toEqual([SAMPLE.length, SAMPLE.length]);
    // a gzip stream cut into tiny pieces (the magic bytes split across chunks)
    expect((await readAll(streamOf(zlib.gzipSync(SAMPLE), 1))).events).toEqual(reference);
  });

  it('inflates gzip text many read buffers long, concatenated gzip members and pieces of any size alike', async () => {
    // ~40 000 lines: the inflated text spans several read buffers, each reused for the next
    const lines = ['= Start'];
    for (let i = 0; i < 20000; i++) lines.push(`@ ./prog:[0x4005d6] + 0x${(0x10000 + i * 0x40).toString(16)} 0x${(i % 500 + 1).toString(16)}`);
    for (let i = 0; i < 20000; i++) lines.push(`@ ./prog:[0x4005f0] - 0x${(0x10000 + i * 0x40).toString(16)}`);
    const text = lines.join('\n') + '\n';
    const reference = await readAll(streamOf(text, 1 << 16));
    expect(reference.summary.events).toBe(40000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-gzip-'));
    const gz = path.join(dir, 'big.mtrace.gz');
    fs.writeFileSync(gz, zlib.gzipSync(text, { level: 1 }));
    const fromFile = await readAll(gz);
    expect(fromFile.events).toEqual(reference.events);
    expect(fromFile.summary).toMatchObject({ gzip: true, textBytes: text.length, bytesRead: fs.statSync(gz).size });
    // gzip members one after another (what `cat a.gz b.gz` gives) read as one text
    const cut = text.indexOf('\n', text.length >> 1) + 1;
    const members = Buffer.concat([zlib.gzipSync(text.slice(0, cut)), zlib.gzipSync(text.slice(cut))]);
    for (const size of [1000, 1 << 20]) expect((await readAll(streamOf(members, size))).events).toEqual(reference.events);
    // the same gzip cut short, at the end of a piece
    const whole = zlib.gzipSync(text);
    await expect(readAll(streamOf(whole.subarray(0, whole.length - 100), 4096), { name: 'short.gz' })).rejects.toThrow(
      /^short\.gz: the gzip data is corrupt or truncated \(unexpected end of file\)/,
    );
  });

  it('reports malformed lines with their line number and what was expected (lenient)', async () => {
    const text = [
      '= Start',
      '@ ./prog:[0x4005d6] + 0x10 0x20',
      '@ ./prog:[0x4005d6] + zz 0x20',
      '@ ./prog:[0x4005d6] + 0x30',
      '@ ./prog 0x4005d6 - 0x10',
      '@ ./prog:[0x4005d6] * 0x10',
      '@ ./prog:[0x4005d6] > 0x40 0x8',
      '@ ./prog:[0x4005d6] < 0x10',
      '@ ./prog:[0x4005d6] - 0x10',
      '= Begin',
      '- 0x10 trailing',
    ].join('\n');
    const { events, summary } = await readAll(streamOf(text), { name: 'bad.mtrace' });
    expect(events).toEqual([
      { op: 'alloc', id: '0x10', size: 32, align: 16, line: 2 },
      { op: 'free', id: '0x10', line: 9 },
    ]);
    expect(summary.problems.byKind.malformed).toBe(8);
    expect(summary.problems.first.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      "bad.mtrace:3: expected a hex address after '+'",
      "bad.mtrace:4: expected a space and a hex size after the address of '+'",
      "bad.mtrace:5: expected a caller '@ …[0x…]' before the operation",
      "bad.mtrace:6: expected an operation (+ - < > !), found '*'",
      "bad.mtrace:7: expected a '<' line (the old block) before this '>' line of a realloc",
      "bad.mtrace:8: expected a '>' line (the new block) right after this '<' line of a realloc",
      "bad.mtrace:10: expected '= Start' or '= End'",
      "bad.mtrace:11: expected a hex address (and nothing after it) after '-'",
    ]);
  });

  it('keeps only the first problems in full but counts them all', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `+ 0x${(i + 1).toString(16)} nope`).join('\n');
    const { summary } = await readAll(streamOf(text), { maxProblems: 3 });
    expect(summary.problems.total).toBe(50);
    expect(summary.problems.first.map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('finds unknown pointers, double frees and reused live addresses', async () => {
    const text = [
      '+ 0xa0 0x10',
      '- 0xb0', // never allocated (e.g. allocated before tracing started)
      '- 0xa0',
      '- 0xa0', // second free
      '+ 0xc0 0x8',
      '+ 0xc0 0x8', // its free went missing
      '< 0xd0', // realloc of an unknown block: its new block still comes to life
      '> 0xe0 0x40',
      '- 0xe0',
    ].join('\n');
    const { events, summary } = await readAll(streamOf(text), { name: 'live.mtrace' });
    expect(events.map((e) => `${e.op} ${e.id}`)).toEqual(['alloc 0xa0', 'free 0xa0', 'alloc 0xc0', 'alloc 0xe0', 'free 0xe0']);
    expect(summary.problems.byKind).toMatchObject({ 'unknown-pointer': 2, 'double-free': 1, 'duplicate-alloc': 1, malformed: 0 });
    expect(summary.problems.first.map((p) => [p.line, p.kind])).toEqual([
      [2, 'unknown-pointer'], [4, 'double-free'], [6, 'duplicate-alloc'], [7, 'unknown-pointer'],
    ]);
    expect(summary.live).toEqual({ blocks: 1, bytes: 8 });
    // without liveness checks every well-formed line passes through
    const unchecked = await readAll(streamOf(text), { validateLiveness: false });
    expect(unchecked.events).toHaveLength(8);
    expect(unchecked.summary.live).toBeUndefined();
  });

  it('throws TraceError at the first problem in strict mode, naming file and line', async () => {
    await expect(readAll(streamOf('+ 0xa0 0x10\n- 0xa0\n- 0xa0\n'), { name: 'df.mtrace', mode: 'strict' })).rejects.toThrow(
      new TraceError({ file: 'df.mtrace', line: 3, kind: 'double-free', message: 'free of 0xa0, which was already freed' }),
    );
    await expect(readAll(streamOf('+ 0xa0 0x10\n+ 0xb0 0xq\n'), { name: 'm.mtrace', mode: 'strict' })).rejects.toThrow(
      "m.mtrace:2: expected a space and a hex size after the address of '+'",
    );
  });

  it('refuses input that is no trace at all, and a missing file, with a clear message', async () => {
    await expect(readAll(streamOf('hello world\n'), { name: 'x.txt' })).rejects.toThrow(/^x\.txt:1: expected a heap trace/);
    expect(() => readTrace('/no/such/file.mtrace')).toThrow('/no/such/file.mtrace: cannot read the trace (ENOENT)');
    await expect(readAll(streamOf(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])), { name: 'broken.gz' })).rejects.toThrow(
      /^broken\.gz: the gzip data is corrupt or truncated/,
    );
  });

  it('matches what glibc really writes for a C program (compiled and traced here)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-glibc-'));
    fs.writeFileSync(
      path.join(dir, 'prog.c'),
      `#include <stdlib.h>
      int main(void) {
        char *a = malloc(100);
        char *b = calloc(3, 8);
        a = realloc(a, 1000);
        char *c = realloc(NULL, 5);
        c = realloc(c, 0);          /* frees */
        free(NULL);                  /* not written */
        free(b);
        free(a);
        void *m; if (posix_memalign(&m, 64, 100)) return 1;
        free(m);
        return 0;
      }`,
    );
    execFileSync('cc', ['-O0', '-o', path.join(dir, 'prog'), path.join(dir, 'prog.c')]);
    const out = path.join(dir, 'prog.mtrace.gz');
    execFileSync(path.join(REPO, 'tools/capture-mtrace.sh'), [out, '--', path.join(dir, 'prog')], { stdio: 'pipe' });
    const { events, summary } = await readAll(out, { mode: 'strict' });
    // glibc's own start-up allocations may precede main's; compare main's part, which ends the trace.
    const ours = events.slice(-9).map((e) => (e.op === 'realloc' ? `realloc ${e.size}` : e.op === 'alloc' ? `alloc ${e.size}` : 'free'));
    expect(ours).toEqual(['alloc 100', 'alloc 24', 'realloc 1000', 'alloc 5', 'free', 'free', 'free', 'alloc 100', 'free']);
    expect(summary.problems.total).toBe(0);
    // free(NULL) leaves no line at all (glibc returns before writing; no "- (nil)")
    expect(zlib.gunzipSync(fs.readFileSync(out)).toString()).not.toContain('(nil)');
  });
});

