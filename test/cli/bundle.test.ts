/**
 * The CLI's bundle (scripts/bundle-cli.js: main, `replay` and what it loads in one file, the lab's
 * worker in another; bin/memscope.js runs it after `npm run build`) behaves as the modules it
 * was made from: the same report, the worker found next to it, the commands left outside it
 * loading, and a usage error still a usage error (command.ts stays outside, one UsageError).
 * The bundle is built into a temporary checkout-like layout (package.json, dist/cli) whose
 * dist/src is this checkout's sources, read through the same transpile-on-load hook as
 * test/helpers/cli-process.ts.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli-process';

const root = path.resolve(__dirname, '..', '..');
const SORT = path.join(root, 'traces', 'sort.mtrace.gz');

let top: string;
let dir: string;

beforeAll(() => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-bundle-'));
  dir = path.join(top, 'dist');
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(root, 'package.json'), path.join(top, 'package.json')); // the version is read from it
  fs.symlinkSync(path.join(root, 'src'), path.join(dir, 'src'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-cli.js'), dir], { stdio: 'pipe' });
}, 60_000);

afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

function runBundle(args: string[]) {
  const script = `
    const fs = require('fs');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(out.outputText, filename);
    };
    require(${JSON.stringify(path.join(dir, 'cli', 'memscope.js'))}).main(${JSON.stringify(args)}).then((code) => { process.exitCode = code; });`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: root, timeout: 90_000 });
}

/** A report without what differs from run to run (timings). */
function steady(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'wallMs' || key === 'opsPerSecond' ? undefined : value));
}

describe('the CLI bundle', () => {
  it('is two files, the worker beside the CLI', () => {
    expect(fs.readdirSync(path.join(dir, 'cli')).sort()).toEqual(['memscope.js', 'worker.js']);
  });

  it('replays as the sources do, with the worker threads started from the bundled worker', () => {
    const args = ['replay', SORT, '--json', '--jobs', '2', '--policy', 'first-fit,best-fit,tlsf'];
    const bundled = runBundle(args);
    expect(bundled.stderr).toMatch(/replayed .*sort\.mtrace\.gz: 4,373 events on 3 policies/);
    expect(bundled.status).toBe(0);
    const sources = runCli(args);
    expect(sources.status).toBe(0);
    expect(steady(bundled.stdout)).toEqual(steady(sources.stdout));
  }, 120_000);

  it('still exits 2 with the message on a usage error, and loads the commands it leaves outside', () => {
    const bad = runBundle(['replay', SORT, '--bogus']);
    expect(bad.stderr).toBe("memscope replay: unknown option '--bogus' (see memscope replay --help)\n");
    expect(bad.status).toBe(2);
    const layout = runBundle(['layout', 'u8', '--help']);
    expect(layout.status).toBe(0);
    expect(layout.stdout).toMatch(/^Usage: memscope layout/);
  }, 120_000);
});
