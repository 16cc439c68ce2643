/**
 * The CLI's bundle (scripts/bundle-cli.js: main, `replay` and what it loads in one file, the lab's
 * worker in another; bin/memscope.js runs it after `npm run build`) behaves as the modules it
 * was made from: the same report, the worker found next to it, the commands left outside it
 * loading, and a usage error still a usage error (command.ts stays outside, one UsageError).
 * Its V8 code cache (bin/load-bundle.js) is used when it was made for this bundle, never else.
 * The bundle is built into a temporary checkout-like layout (package.json, dist/cli) whose
 * dist/src is this checkout's sources, read through the same transpile-on-load hook as
 * test/helpers/cli-process.ts.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli-process';
import { tsRequireHook } from '../helpers/ts-hook';

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
  // The build's code cache comes from a replay of the compiled dist/src; here, from the test below.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-cli.js'), dir, '--no-code-cache'], { stdio: 'pipe' });
}, 60_000);

afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

/** Runs the bundle as bin/memscope.js does (through bin/load-bundle.js); `then` runs after main, with the loaded bundle as b. */
function runBundle(args: string[], then = '') {
  const script = `${tsRequireHook()}
    const b = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(path.join(dir, 'cli', 'memscope.js'))});
    b.exports.main(${JSON.stringify(args)}).then((code) => { process.exitCode = code; ${then} });`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: root, timeout: 90_000 });
}

/** A report without what differs from run to run (timings). */
function steady(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'wallMs' || key === 'opsPerSecond' ? undefined : value));
}

describe('the CLI bundle', () => {
  it('is two files, the worker beside the CLI', () => {
    expect(fs.readdirSync(path.join(dir, 'cli')).sort()).toEqual(['memscope.js', 'worker.js']); // --no-code-cache: no memscope.js.cache
  });

  it('loads with the code cache a run wrote, and without one once the bundle changed', () => {
    const args = ['replay', SORT, '--json', '--jobs', '1', '--policy', 'first-fit,tlsf'];
    const first = runBundle(args, "process.stderr.write('cache: ' + b.cache + '\\n'); b.writeCache();");
    expect(first.stderr).toMatch(/^cache: none$/m);
    const cached = runBundle(args, "process.stderr.write('cache: ' + b.cache + '\\n');");
    expect(cached.stderr).toMatch(/^cache: used$/m);
    expect(steady(cached.stdout)).toEqual(steady(first.stdout));
    // A rebuilt bundle (here: the same file, newer) does not take the old bundle's cache.
    const bundle = path.join(dir, 'cli', 'memscope.js');
    const later = new Date(fs.statSync(bundle).mtimeMs + 5000);
    fs.utimesSync(bundle, later, later);
    expect(runBundle(['--version'], "process.stderr.write('cache: ' + b.cache + '\\n');").stderr).toMatch(/^cache: none$/m);
    fs.rmSync(`${bundle}.cache`);
  }, 120_000);

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
