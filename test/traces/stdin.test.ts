import { execFileSync } from 'child_process';
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

  const run = (input: Buffer | string, mode = 'lenient'): { events: unknown[]; summary: Record<string, unknown> } => {
    const script = `
      const { readTrace } = require(${JSON.stringify(importer)});
      (async () => {
        const reader = readTrace('-', { mode: ${JSON.stringify(mode)} });
        const events = [];
        for await (const batch of reader) events.push(...batch);
        process.stdout.write(JSON.stringify({ events, summary: reader.summary() }));
      })().catch((err) => { process.stderr.write(err.message); process.exitCode = 1; });`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
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

  it('fails with file and line in strict mode', () => {
    expect(() => run(TRACE, 'strict')).toThrow(/<stdin>:6: free of 0xc0, which the trace never allocated/);
  });
});
