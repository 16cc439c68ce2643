import { execFileSync, type ExecFileSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import * as zlib from 'zlib';

const SRC = path.resolve(__dirname, '../../src/traces');

/** The importer as plain JavaScript, so a real child process can read its real stdin. */
function compileImporter(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-traces-js-'));
  for (const file of fs.readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
    const js = ts.transpileModule(fs.readFileSync(path.join(SRC, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), js.outputText);
  }
  return out;
}

const TRACE = ['= Start', '@ ./p:[0x1] + 0xa0 0x10', '@ ./p:[0x2] < 0xa0', '@ ./p:[0x2] > 0xb0 0x20', '@ ./p:[0x3] - 0xb0', '@ ./p:[0x3] - 0xc0', ''].join('\n');

describe("reading a trace from stdin ('-')", () => {
  let importer: string;
  beforeAll(() => {
    importer = compileImporter();
  });

  /** `input` piped in, or (a number) a file descriptor the child gets as its stdin, as a shell's `< file` does. */
  const run = (input: Buffer | string | number, mode = 'lenient'): { events: unknown[]; summary: Record<string, unknown>; totalBytes: number | null } => {
    const script = `
      const { readTrace } = require(${JSON.stringify(importer)});
      (async () => {
        let totalBytes = null;
        const reader = readTrace('-', { mode: ${JSON.stringify(mode)}, onProgress: (_, total) => { totalBytes = total ?? null; } });
        const events = [];
        for await (const batch of reader) events.push(...batch);
        process.stdout.write(JSON.stringify({ events, summary: reader.summary(), totalBytes }));
      })().catch((err) => { process.stderr.write(err.message); process.exitCode = 1; });`;
    const stdin: Omit<ExecFileSyncOptions, 'encoding'> = typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] } : { input, stdio: ['pipe', 'pipe', 'pipe'] };
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { ...stdin, encoding: 'utf8' }));
  };

  it('reads plain and gzip mtrace piped into the process', () => {
    const plain = run(TRACE);
    expect(plain.events).toEqual([
      { op: 'alloc', id: '0xa0', size: 16, align: 16, line: 2 },
      { op: 'realloc', id: '0xa0', newId: '0xb0', size: 32, align: 16, line: 3 },
      { op: 'free', id: '0xb0', line: 5 },
    ]);
    expect(plain.summary).toMatchObject({ file: '<stdin>', gzip: false, events: 3 });
    expect((plain.summary.problems as { first: unknown[] }).first).toEqual([
      { file: '<stdin>', line: 6, kind: 'unknown-pointer', message: 'free of 0xc0, which the trace never allocated' },
    ]);
    const gz = run(zlib.gzipSync(TRACE));
    expect(gz.events).toEqual(plain.events);
    expect(gz.summary).toMatchObject({ gzip: true, textBytes: TRACE.length });
  });

  it('reads a file redirected to stdin as a file: the same events, and its size for progress', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-stdin-'));
    try {
      const file = path.join(dir, 't.mtrace.gz');
      fs.writeFileSync(file, zlib.gzipSync(TRACE));
      const fd = fs.openSync(file, 'r');
      let redirected;
      try {
        redirected = run(fd);
      } finally {
        fs.closeSync(fd);
      }
      expect(redirected.events).toEqual(run(zlib.gzipSync(TRACE)).events);
      expect(redirected.summary).toMatchObject({ file: '<stdin>', gzip: true, bytesRead: fs.statSync(file).size, textBytes: TRACE.length });
      expect(redirected.totalBytes).toBe(fs.statSync(file).size);
      expect(run(zlib.gzipSync(TRACE)).totalBytes).toBeNull(); // a pipe has no size
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with file and line in strict mode', () => {
    expect(() => run(TRACE, 'strict')).toThrow(/<stdin>:6: free of 0xc0, which the trace never allocated/);
  });
});
