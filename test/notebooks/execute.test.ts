/**
 * The notebook machinery end to end, with the real things: `scripts/handouts.sh` builds dist/,
 * installs the memscope-ts kernelspec into .cache/jupyter, executes notebooks/00-smoke.ipynb
 * with tslab through Debian's `jupyter nbconvert --execute`, and exports offline HTML, which
 * headless Chromium then opens from file:// with every off-machine request recorded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { ensureDistBuilt } from '../helpers/dist';
import { checkoutJupyter, jupyterEnv, prefixJupyter } from '../helpers/jupyter';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'test-output', 'notebooks', 'handouts');
const screens = path.join(root, 'test-output', 'screens');
const smoke = 'notebooks/00-smoke.ipynb';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  id: string;
  execution_count?: number | null;
  outputs?: Output[];
}

const joined = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join('') : s ?? '');
const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

function runHandouts(args: string[]) {
  const run = spawnSync('bash', ['scripts/handouts.sh', ...args], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  return { status: run.status, stderr: run.stderr ?? '', stdout: run.stdout ?? '' };
}

function stdoutOf(cell: Cell): string {
  return (cell.outputs ?? []).filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => joined(o.text)).join('');
}

describe('handouts pipeline on the smoke notebook', () => {
  let cells: Cell[];
  let log: string;

  beforeAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
    ensureDistBuilt();
    const run = runHandouts(['--no-build', '--out', outDir, smoke]);
    log = run.stderr;
    if (run.status !== 0) throw new Error(`handouts.sh exited ${run.status}:\n${run.stderr}\n${run.stdout}`);
    cells = readJson(path.join(outDir, '00-smoke.ipynb')).cells;
  }, 600_000);

  test('reports progress per notebook with its time', () => {
    expect(log).toMatch(/\[1\/1\] notebooks\/00-smoke\.ipynb: executing… \d+\.\d s/);
  });

  test('every code cell ran, in order, with no error output', () => {
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThanOrEqual(5);
    expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
    const errors = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error'));
    expect(errors).toEqual([]);
  });

  test("cells import this checkout's memscope", () => {
    const pkg = readJson(path.join(root, 'package.json'));
    expect(stdoutOf(cells.find((c) => c.id === 'import')!)).toBe(`${pkg.name} ${pkg.version}\n`);
    // The entry's export names as the kernel saw them, against the compiled entry itself.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry = require(path.join(root, 'dist', 'src', 'index.js'));
    const names = Object.keys(entry).sort();
    expect(stdoutOf(cells.find((c) => c.id === 'exports')!)).toBe(`exports: ${names.join(', ')}\n${names.length}\n`);
  });

  test('a cell runs a program on the engine and gets the same summary as this process', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const memscope = require(path.join(root, 'dist', 'src', 'index.js'));
    const timeline = memscope.rustProgram((rs: any) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.from('hello'));
      s.push_str(', world');
    }));
    const summary = memscope.summarize(timeline);
    expect(summary.heap.allocs).toBeGreaterThan(0);
    expect(stdoutOf(cells.find((c) => c.id === 'engine')!)).toBe(`${JSON.stringify(summary)}\n`);
  });

  test("the kernel is tslab with its bundled TypeScript, on this node", () => {
    const tsVersion = readJson(path.join(root, 'node_modules', '@tslab', 'typescript-for-tslab', 'package.json')).version;
    expect(stdoutOf(cells.find((c) => c.id === 'versions')!)).toBe(`typescript ${tsVersion}\nnode ${process.version}\n`);
  });

  test('a kernel start restores the node_modules/memscope link that npm install prunes', () => {
    // The real link serves every kernel the other test files start meanwhile, so the restoring is
    // checked on a scratch checkout (the same function launch.js runs before tslab starts), and
    // the real link is checked to be in place.
    const link = path.join(root, 'node_modules', 'memscope');
    expect(fs.realpathSync(link)).toBe(fs.realpathSync(root));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ensureSelfLink } = require(path.join(root, 'kernel', 'self-link.js')) as { ensureSelfLink: (checkout: string) => void };
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-selflink-'));
    try {
      ensureSelfLink(scratch); // pruned: no node_modules at all
      const made = path.join(scratch, 'node_modules', 'memscope');
      expect(fs.lstatSync(made).isSymbolicLink()).toBe(true);
      expect(fs.realpathSync(made)).toBe(fs.realpathSync(scratch));
      fs.rmSync(made);
      fs.symlinkSync(path.join(scratch, 'gone'), made); // dangling, as after a move
      ensureSelfLink(scratch);
      expect(fs.realpathSync(made)).toBe(fs.realpathSync(scratch));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    // launch.js runs it with this checkout before it starts tslab.
    expect(fs.readFileSync(path.join(root, 'kernel', 'launch.js'), 'utf8')).toMatch(/ensureSelfLink\(checkout\);\n(?:.*\n)*.*tslab\.startKernel/);
  });

  test("tslab's bundled TypeScript accepts the declarations cells import", () => {
    // Cells are type-checked by tslab's own (older) TypeScript against our .d.ts files, which
    // our newer tsc wrote: newer syntax or lib types there would break or silently weaken cells.
    // Checked: everything reachable from the entries cells import, the package entry and the
    // kernel-side display helpers (`memscope/kernel`) once they are built.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');
    const dist = path.join(root, 'dist');
    const entries = [path.join(dist, 'src', 'index.d.ts'), path.join(dist, 'kernel', 'index.d.ts')].filter((f) => fs.existsSync(f));
    expect(entries[0]).toBe(path.join(dist, 'src', 'index.d.ts'));
    // The options tslab compiles cells with (converter.js), minus skipLibCheck so .d.ts are checked.
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      esModuleInterop: true,
      resolveJsonModule: true,
      noEmit: true,
      types: ['node'],
    });
    // Only our files: checking every third-party .d.ts they pull in (vega-lite's) costs seconds.
    const ours = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(dist + path.sep));
    expect(ours.length).toBeGreaterThan(1);
    const diagnostics = ours
      .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])
      .map((d) => `${path.relative(root, d.file!.fileName)}:${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` +
        ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(diagnostics).toEqual([]);
  });

  test('an SVG display output reaches the executed notebook', () => {
    const svg = (cells.find((c) => c.id === 'svg')!.outputs ?? []).find((o) => o.data?.['image/svg+xml']);
    expect(joined(svg?.data?.['image/svg+xml']).match(/<rect /g)).toHaveLength(4);
  });

  test('the HTML handout is self-contained: only the folder\'s own runtime script, no remote or file:// references', () => {
    const html = fs.readFileSync(path.join(outDir, '00-smoke.html'), 'utf8');
    expect(html.match(/<script\b[^>]*>/gi)).toEqual(['<script src="memscope-runtime.js" defer>']);
    expect(fs.existsSync(path.join(outDir, 'memscope-runtime.js'))).toBe(true);
    expect(html.match(/\b(?:src|href)\s*=\s*["']?(?:https?:|file:|\/\/)[^"' >]*/gi) ?? []).toEqual([]);
    expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    // The chart survives the export as an image, not as an emptied inline <svg>.
    expect(html).toContain('src="data:image/svg+xml;charset=utf-8,%3Csvg');
  });

  test('index.html links the handout under its heading', () => {
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(index).toContain('<a href="./00-smoke.html">00 · Smoke test</a>');
  });

  test('headless Chromium shows the handout from file:// without any request leaving the machine', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1000, height: 800 },
    });
    const offMachine: string[] = [];
    try {
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        const local = url.protocol === 'file:' || url.protocol === 'data:' ||
          ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
        if (local) return route.continue();
        offMachine.push(url.href);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(`file://${path.join(outDir, '00-smoke.html')}`, { waitUntil: 'load' });
      const chart = page.locator('.jp-RenderedSVG img');
      // Decoded at its own width: the SVG arrived as an image and rendered (no DOM lib in tsconfig).
      const width = await chart.evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete ? image.naturalWidth : 0;
      });
      expect(width).toBe(140);
      await expect(page.locator('pre', { hasText: 'memscope ' }).first().isVisible()).resolves.toBe(true);
      fs.mkdirSync(screens, { recursive: true });
      await page.screenshot({ path: path.join(screens, '00-smoke.png'), fullPage: true });
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
    expect(offMachine).toEqual([]);
  }, 120_000);
});

describe('HTML export of outputs with several MIME types', () => {
  test('an output carrying scripted HTML and an SVG shows the SVG, with no remote reference', () => {
    const dir = path.join(root, 'test-output', 'notebooks', 'bundle');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><circle cx="20" cy="20" r="15"/></svg>';
    const nb = {
      cells: [{
        cell_type: 'code', id: 'chart', execution_count: 1, metadata: {}, source: 'chart()',
        outputs: [{
          output_type: 'display_data', metadata: {},
          data: {
            'text/html': '<div id="vis"></div><script src="https://cdn.example.org/vega-embed.js"></script>',
            'image/svg+xml': svg,
            'text/plain': '<chart>',
          },
        }],
      }],
      metadata: {
        kernelspec: { name: 'memscope-ts', display_name: 'TypeScript (memscope)', language: 'typescript' },
        language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
      },
      nbformat: 4,
      nbformat_minor: 5,
    };
    fs.writeFileSync(path.join(dir, 'bundle.ipynb'), JSON.stringify(nb));
    // The same configuration scripts/handouts.sh exports with.
    const run = spawnSync('/usr/bin/jupyter', ['nbconvert', '--config', 'scripts/handout-template/nbconvert_config.py',
      '--to', 'html', '--log-level=WARN', path.join(dir, 'bundle.ipynb')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'bundle.html'), 'utf8');
    const images = [...html.matchAll(/<img alt="chart" src="data:image\/svg\+xml;charset=utf-8,([^"]*)">/g)];
    expect(images.map((m) => decodeURIComponent(m[1]))).toEqual([svg]);
    expect(html).not.toContain('cdn.example.org');
    // The one script is the handout folder's own runtime (it makes memscope outputs live; none here).
    expect(html.match(/<script\b[^>]*>/gi)).toEqual(['<script src="memscope-runtime.js" defer>']);
  });
});

describe('handouts pipeline on a broken notebook', () => {
  test('fails naming the notebook and the type error', () => {
    const dir = path.join(root, 'test-output', 'notebooks', 'broken');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const nb = {
      cells: [
        { cell_type: 'code', id: 'ok', execution_count: null, metadata: {}, outputs: [], source: 'console.log("before");' },
        { cell_type: 'markdown', id: 'note', metadata: {}, source: 'A type error follows.' },
        { cell_type: 'code', id: 'bad', execution_count: null, metadata: {}, outputs: [], source: 'const n: number = "not a number";' },
        { cell_type: 'code', id: 'after', execution_count: null, metadata: {}, outputs: [], source: 'console.log("after");' },
      ],
      metadata: { kernelspec: { name: 'memscope-ts', display_name: 'TypeScript (memscope)', language: 'typescript' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const file = path.join(dir, 'broken.ipynb');
    fs.writeFileSync(file, JSON.stringify(nb));
    const run = runHandouts(['--no-build', '--out', path.join(dir, 'out'), path.relative(root, file)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("test-output/notebooks/broken/broken.ipynb: code cell 2 (id 'bad', cell #3 of the notebook) failed");
    expect(run.stderr).toContain("| 1:7 - Type 'string' is not assignable to type 'number'.");
    // Execution stopped at the failing cell; the partly executed notebook is kept for a look.
    const partial = readJson(path.join(dir, 'out', 'broken.failed.ipynb'));
    expect(stdoutOf(partial.cells[0])).toBe('before\n');
    expect(partial.cells[3].outputs).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'out', 'broken.ipynb'))).toBe(false);
  }, 300_000);
});

describe('memscope kernel install/uninstall', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'memscope.js'), 'kernel', ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

  function filesUnder(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((p) => !fs.statSync(path.join(dir, p)).isDirectory()).sort();
  }

  test('installs a kernelspec Jupyter finds under --prefix, and uninstall removes exactly it', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-prefix-'));
    const selfLink = path.join(root, 'node_modules', 'memscope');
    const linkBefore = fs.existsSync(selfLink);
    try {
      const install = cli(['install', '--prefix', prefix]);
      expect(install.stderr).toBe('');
      expect(install.status).toBe(0);
      const kernelDir = path.join(prefix, 'share', 'jupyter', 'kernels', 'memscope-ts');
      // The kernelspec exactly; the prebuilt lab extension comes along when it has been built
      // (test/jupyterlab checks that part), so it is not asserted here.
      expect(filesUnder(prefix).filter((f) => !f.startsWith('share/jupyter/labextensions/'))).toEqual([
        'share/jupyter/kernels/memscope-ts/kernel.json',
        'share/jupyter/kernels/memscope-ts/memscope-install.json',
      ]);
      const spec = readJson(path.join(kernelDir, 'kernel.json'));
      expect(spec.argv).toEqual([process.execPath, path.join(root, 'kernel', 'launch.js'), '--config-path', '{connection_file}']);
      expect(spec.display_name).toBe('TypeScript (memscope)');
      expect(fs.realpathSync(selfLink)).toBe(fs.realpathSync(root));

      const state = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-jupyter-'));
      const list = spawnSync('/usr/bin/jupyter', ['kernelspec', 'list', '--json'], { encoding: 'utf8', env: jupyterEnv(prefixJupyter(prefix, state)) });
      fs.rmSync(state, { recursive: true, force: true });
      expect(list.status).toBe(0);
      expect(JSON.parse(list.stdout).kernelspecs['memscope-ts'].resource_dir).toBe(kernelDir);

      const uninstall = cli(['uninstall', '--prefix', prefix]);
      expect(uninstall.stderr).toBe('');
      expect(uninstall.status).toBe(0);
      expect(filesUnder(prefix)).toEqual([]);
      expect(fs.existsSync(kernelDir)).toBe(false);
      expect(fs.existsSync(selfLink)).toBe(linkBefore);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  test('uninstall with nothing installed is a clear error, and bad options are usage errors', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-prefix-'));
    try {
      const missing = cli(['uninstall', '--prefix', prefix]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain(`no memscope-ts kernelspec in ${path.join(prefix, 'share', 'jupyter', 'kernels', 'memscope-ts')}`);
      const both = cli(['install', '--user', '--prefix', prefix]);
      expect(both.status).toBe(2);
      expect(both.stderr).toBe('memscope kernel: choose one of --user and --prefix\n');
      const noAction = cli([]);
      expect(noAction.status).toBe(2);
      expect(noAction.stderr).toBe("memscope kernel: expected 'install' or 'uninstall', got nothing\n");
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });
});
