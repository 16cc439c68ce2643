/**
 * kernel/display.ts for real: the fixture notebook runs under the memscope-ts (tslab 1.0.22)
 * kernel through Debian's `jupyter nbconvert --execute`, and its saved outputs must hold one
 * display_data bundle per show() with the view as a JSON object, a static SVG and a text summary.
 * The kernel-free parts (displayBundle, the inspect hook outside a kernel) run in-process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { inspect } from 'util';
import { disableAutoDisplay, displayBundle, enableAutoDisplay, kernelChannel, show } from '../../src/kernel/display';
import { Timeline } from '../../src/engine/timeline/timeline';
import { MIME_TYPE } from '../../src/format/errors';
import { checkView } from '../../src/format/view';
import { THEMES } from '../../src/views/theme';
import { ensureDistBuilt } from '../helpers/dist';
import { installKernelUnder } from '../helpers/jupyter';
import { vecPushes } from '../views/programs';

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'test-output', 'views');
const jupyterDir = path.join(out, 'jupyter');

interface Output { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> }
interface Cell { id: string; cell_type: string; outputs?: Output[] }
const joined = (s: unknown): string => (Array.isArray(s) ? s.join('') : String(s ?? ''));

describe('show() under the real tslab kernel', () => {
  let cells: Map<string, Cell>;
  let log: string;

  beforeAll(() => {
    ensureDistBuilt();
    fs.rmSync(jupyterDir, { recursive: true, force: true });
    // Only this kernelspec; Jupyter's own state under test-output, never in $HOME.
    const { env } = installKernelUnder(jupyterDir);
    const run = spawnSync('/usr/bin/jupyter', [
      'nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=memscope-ts', '--ExecutePreprocessor.timeout=120',
      '--output-dir', out, '--output', 'show.executed', path.join(__dirname, 'fixtures', 'show.ipynb'),
    ], { cwd: root, encoding: 'utf8', env, timeout: 300_000 });
    log = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`nbconvert --execute failed (${run.status}):\n${log}`);
    const nb = JSON.parse(fs.readFileSync(path.join(out, 'show.executed.ipynb'), 'utf8'));
    cells = new Map((nb.cells as Cell[]).map((c) => [c.id, c]));
  }, 300_000);

  const displays = (id: string): Output[] => (cells.get(id)!.outputs ?? []).filter((o) => o.output_type === 'display_data');
  const stdout = (id: string): string => (cells.get(id)!.outputs ?? []).filter((o) => o.name === 'stdout').map((o) => joined(o.text)).join('');

  test('no cell failed', () => {
    const errors = [...cells.values()].flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error' || o.name === 'stderr'));
    expect(errors).toEqual([]);
    expect(stdout('setup')).toMatch(/^steps \d+\n$/);
  });

  test('await show(t) sends ONE bundle with the three MIME types, the view as a JSON object', () => {
    const [bundle, ...more] = displays('show');
    expect(more).toEqual([]);
    expect(Object.keys(bundle!.data!).sort()).toEqual([MIME_TYPE, 'image/svg+xml', 'text/plain'].sort());
    const view = bundle!.data![MIME_TYPE];
    expect(typeof view).toBe('object');
    const checked = checkView(view, 'show.executed.ipynb');
    const steps = Number(/^steps (\d+)/.exec(stdout('setup'))![1]);
    expect(checked.meta.steps).toBe(steps);
    expect(checked.snapshots.items.some((s) => s.step === 10)).toBe(true);
    expect(joined(bundle!.data!['text/plain'])).toMatch(new RegExp(`^memscope timeline: ${steps} steps, heap policy first-fit\\n`));
    // show() resolves to nothing: the cell prints only its own line.
    expect(stdout('show')).toBe('shown\n');
  });

  test('the static SVG holds the diagram at the chosen step and the charts with their axis titles', () => {
    const svg = joined(displays('show')[0]!.data!['image/svg+xml']);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('class="memscope-diagram"');
    expect(svg).toContain('step 10 · ');
    for (const title of ['Heap occupancy over time', 'Stack depth over time', 'Heap address map', 'Memory by region at step 10', '>step</text>', '>bytes</text>', '>address</text>', '>frames</text>']) {
      expect(svg).toContain(title);
    }
    // The String's markup arrived as text.
    expect(svg).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain(`fill="${THEMES.light.background}"`);
    expect(joined(displays('dark')[0]!.data!['image/svg+xml'])).toContain(`fill="${THEMES.dark.background}"`);
  });

  test("a Timeline as a cell's last expression shows itself (util.inspect hook on console.log)", () => {
    const [bundle, ...more] = displays('auto');
    expect(more).toEqual([]);
    expect(Object.keys(bundle!.data!).sort()).toEqual([MIME_TYPE, 'image/svg+xml', 'text/plain'].sort());
    expect(typeof bundle!.data![MIME_TYPE]).toBe('object');
    expect(joined(bundle!.data!['image/svg+xml'])).toContain('Heap address map');
    expect(stdout('auto')).toMatch(/^\[memscope Timeline: \d+ steps, shown above\]\n$/);
    // Other values print as before.
    expect(displays('plain')).toEqual([]);
    expect(stdout('plain')).toMatch(/^\{ steps: \d+ \}\n$/);
  });
});

describe('the browser entry src/views/index.ts', () => {
  test('loads no npm package and no Node built-in (vega and render-svg stay out)', () => {
    ensureDistBuilt();
    const script = `
      const Module = require('module');
      const requested = [];
      const load = Module._load;
      Module._load = function (request, parent, isMain) { requested.push(request); return load.apply(this, arguments); };
      require(${JSON.stringify(path.join(root, 'dist', 'src', 'views', 'index.js'))});
      console.log(JSON.stringify(requested.filter((r) => !r.startsWith('.') && !r.startsWith('/'))));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});

describe('display helpers outside a kernel', () => {
  test('displayBundle builds the bundle without sending it', async () => {
    const timeline = vecPushes(50);
    const bundle = await displayBundle(timeline, { step: 20, theme: 'dark' });
    expect(Object.keys(bundle.data).sort()).toEqual([MIME_TYPE, 'image/svg+xml', 'text/plain'].sort());
    expect(checkView(bundle.data[MIME_TYPE])).toBeTruthy();
    expect(bundle.data['image/svg+xml']).toContain('step 20 · ');
    const noSvg = await displayBundle(timeline, { svg: false });
    expect(Object.keys(noSvg.data).sort()).toEqual([MIME_TYPE, 'text/plain'].sort());
    await expect(displayBundle(timeline, { step: 9999 })).rejects.toThrow(`step 9999 is outside this timeline (0..${timeline.length - 1})`);
  });

  test('show() outside a kernel says where it works', async () => {
    expect(kernelChannel()).toBeNull();
    await expect(show(vecPushes(3))).rejects.toThrow('show() sends its output to a notebook: run it in a cell of the memscope-ts (tslab 1.0.22) kernel');
  });

  test('the inspect hook leaves formatting alone outside a kernel', () => {
    enableAutoDisplay({}, Timeline);
    const timeline = vecPushes(3);
    expect(inspect(timeline, { depth: 0 })).toMatch(/^Timeline \{/);
    disableAutoDisplay();
    expect(inspect(timeline, { depth: 0 })).toMatch(/^Timeline \{/);
  });
});
