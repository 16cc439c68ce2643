/**
 * The JupyterLab renderer in a real browser: `npm run build:labextension` builds the prebuilt
 * extension, headless Chromium loads it as JupyterLab 4 does (module federation container,
 * shared @lumino/widgets) into the real @jupyterlab/rendermime RenderMimeRegistry, and renders
 * payloads made here by the engine: what a person sees is asserted (charts drawn with their axis
 * titles, the slider moving the diagram and the charts' cursor, error boxes), every request is
 * routed and recorded, and screenshots go to test-output/screens/lab-extension-*.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installKernel, uninstallKernel } from '../../src/cli/commands/kernel';
import { encodeTimeline } from '../../src/engine/timeline/document';
import { Machine } from '../../src/engine/memory/machine';
import { EXAMPLES } from '../../src/examples/index';
import { FORMAT_VERSION, MIME_TYPE } from '../../src/format/errors';
import type { ViewDocument } from '../../src/format/view';
import { openLabHost, renderInHost, type LabHost } from '../helpers/jupyterlab-host/host';
import { makeView, viewSummaryText } from '../../src/views/view';
import { rustProgram } from '../../src/api/program';
import { buildLabExtension, ensureDistBuilt } from '../helpers/dist';
import { installKernelUnder } from '../helpers/jupyter';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let built: string;
const screens = path.join(root, 'test-output', 'screens');
const workDir = path.join(root, 'test-output', 'lab-extension');

const example = (name: string) => EXAMPLES.find((e) => e.name === name)!.run();
const bundleOf = (view: unknown, text = 'memscope timeline'): Record<string, unknown> => ({ [MIME_TYPE]: view, 'text/plain': text });
const output = (index: number) => `.host-output[data-index="${index}"]`;

let host: LabHost;

beforeAll(async () => {
  built = buildLabExtension();
  fs.mkdirSync(screens, { recursive: true });
  host = await openLabHost({ labextension: built, workDir });
}, 600_000);

afterAll(async () => {
  await host?.close();
});

describe('the built prebuilt extension', () => {
  test('has package.json with jupyterlab._build, a static/remoteEntry and our install.json', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(built, 'package.json'), 'utf8'));
    expect(meta.name).toBe('memscope');
    expect(meta.jupyterlab._build.load).toMatch(/^static\/remoteEntry\.[0-9a-f]+\.js$/);
    expect(meta.jupyterlab._build.mimeExtension).toBe('./mimeExtension');
    expect(fs.existsSync(path.join(built, meta.jupyterlab._build.load))).toBe(true);
    expect(fs.readFileSync(path.join(built, 'install.json'), 'utf8')).toBe(fs.readFileSync(path.join(root, 'install.json'), 'utf8'));
    // Only JupyterLab's singleton comes from the host; vega is ours, the Node entry is not in the bundle.
    const entry = fs.readFileSync(path.join(built, meta.jupyterlab._build.load), 'utf8');
    expect(entry).toContain('"@lumino/widgets"');
    const statics = fs.readdirSync(path.join(built, 'static')).map((f) => fs.readFileSync(path.join(built, 'static', f), 'utf8')).join('\n');
    expect(statics).not.toMatch(/worker_threads|tree-sitter|tslab/);
  });

  test('loads in the page as JupyterLab loads it and registers for the memscope MIME type', async () => {
    expect(host.extension).toEqual({ name: 'memscope', mimeTypes: [MIME_TYPE], rank: 0 });
    // The extension's ./style module injected our CSS.
    const styled = await host.page.evaluate(() => Array.from(document.querySelectorAll('style')).some((s) => s.textContent?.includes('.memscope-error')));
    expect(styled).toBe(true);
  });

  test('`memscope kernel install` copies it into <data>/labextensions/memscope, and uninstall removes it', () => {
    // A throwaway checkout: the real package.json, kernel template and tslab, and the built extension.
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-checkout-'));
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-data-'));
    try {
      fs.copyFileSync(path.join(root, 'package.json'), path.join(checkout, 'package.json'));
      fs.mkdirSync(path.join(checkout, 'kernel'));
      fs.copyFileSync(path.join(root, 'kernel', 'kernel.template.json'), path.join(checkout, 'kernel', 'kernel.template.json'));
      fs.mkdirSync(path.join(checkout, 'node_modules'));
      fs.symlinkSync(path.join(root, 'node_modules', 'tslab'), path.join(checkout, 'node_modules', 'tslab'));
      fs.mkdirSync(path.dirname(path.join(checkout, pkg.jupyterlab.outputDir)), { recursive: true });
      fs.cpSync(built, path.join(checkout, pkg.jupyterlab.outputDir), { recursive: true });

      const manifest = installKernel(checkout, { dataDir: data, label: 'test' });
      const installed = path.join(data, 'labextensions', 'memscope');
      expect(manifest.labExtension).toBe(installed);
      const meta = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
      expect(fs.existsSync(path.join(installed, meta.jupyterlab._build.load))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(installed, 'install.json'), 'utf8')).packageName).toBe('memscope');

      const removed = uninstallKernel({ dataDir: data, label: 'test' });
      expect(removed).toContain(installed);
      expect(fs.existsSync(installed)).toBe(false);
    } finally {
      fs.rmSync(checkout, { recursive: true, force: true });
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('rendering payloads made by the engine', () => {
  let view: ViewDocument;
  let index: number;

  beforeAll(async () => {
    await host.page.evaluate(() => window.memscopeHost.setTheme(true));
    view = makeView(example('three-regions'));
    const result = await renderInHost(host, bundleOf(view, viewSummaryText(view)), { label: 'three-regions' });
    expect(result.mimeType).toBe(MIME_TYPE);
    index = result.index;
  });

  test('an untrusted output gets our renderer (safe), ahead of its text fallback', async () => {
    await expect(host.page.locator(`${output(index)} .memscope-view`).count()).resolves.toBe(1);
  });

  test('the title and summary line name the run', async () => {
    await expect(host.page.locator(`${output(index)} .memscope-title`).textContent()).resolves.toBe(view.meta.title);
    const summary = await host.page.locator(`${output(index)} .memscope-summary`).textContent();
    expect(summary).toBe(viewSummaryText(view));
    expect(summary).toMatch(/\d+ steps, heap policy/);
  });

  test('the three charts are drawn, with their titles and axis titles', async () => {
    const charts = await host.page.evaluate((sel) => Array.from(document.querySelectorAll(`${sel} .memscope-charts .memscope-chart`)).map((div) => {
      const svg = div.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const lines = Array.from(div.querySelectorAll('.mark-line path, .mark-rect path')).map((p) => (p.getAttribute('d') ?? '').length);
      return {
        name: (div as HTMLElement).dataset.chart,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        texts: Array.from(div.querySelectorAll('text')).map((t) => t.textContent ?? ''),
        drawn: lines.reduce((a, b) => a + b, 0),
      };
    }), output(index));
    expect(charts.map((c) => c.name)).toEqual(['heap-occupancy', 'stack-depth', 'address-map']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(500);
      expect(c.height).toBeGreaterThan(150);
      expect(c.drawn).toBeGreaterThan(20); // path data of the lines / rectangles: not a blank chart
      expect(c.texts).toContain('step');
    }
    const [heap, stack, map] = charts;
    expect(heap!.texts).toEqual(expect.arrayContaining(['Heap occupancy over time', 'bytes', 'live bytes', 'footprint']));
    expect(stack!.texts).toEqual(expect.arrayContaining(['Stack depth over time', 'frames', 'bytes']));
    expect(map!.texts).toEqual(expect.arrayContaining(['Heap address map', 'address']));
  });

  test('the slider moves the diagram and the cursor on the charts together', async () => {
    const sel = output(index);
    // It opens at the view's step (issue 10: the step the notebook asked for, by default the end of
    // main before its drops), not at the heap's peak.
    const opening = view.step!;
    expect(opening).toBeGreaterThan(0);
    const state = () => host.page.evaluate((s) => {
      const rule = document.querySelector(`${s} [data-chart="heap-occupancy"] .mark-rule.role-mark line`);
      return {
        label: document.querySelector(`${s} .memscope-step-label`)!.textContent,
        title: document.querySelector(`${s} .memscope-diagram svg .ms-title`)?.textContent ?? null,
        diagram: document.querySelector(`${s} .memscope-diagram`)!.innerHTML,
        rule: rule?.getAttribute('transform') ?? null,
        step: (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step,
      };
    }, sel);
    const before = await state();
    expect(before.label).toBe(`${opening} of ${view.meta.steps - 1}`);
    expect(before.title).toMatch(new RegExp(`^step ${opening} `));
    expect(before.rule).not.toBeNull();
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-light.png'), fullPage: true });

    // A person drags the slider back to the start: keyboard Home on the focused range input.
    await host.page.locator(`${sel} .memscope-slider`).focus();
    await host.page.keyboard.press('Home');
    await host.page.waitForFunction((s) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step === '0', sel);
    const start = await state();
    expect(start.label).toBe(`0 of ${view.meta.steps - 1}`);
    expect(start.title).toMatch(/^step 0 /);
    expect(start.diagram).not.toBe(before.diagram);
    expect(start.rule).not.toBe(before.rule);

    // One step right: the diagram follows the step the slider names.
    await host.page.keyboard.press('ArrowRight');
    await host.page.waitForFunction((s) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step === '1', sel);
    const next = await state();
    expect(next.title).toMatch(/^step 1 /);
    expect(next.diagram).not.toBe(start.diagram);
    await host.page.locator(sel).screenshot({ path: path.join(screens, 'lab-extension-step1.png') });
  });

  test('the diagram of a step with a heap block shows the local and its buffer', async () => {
    const sel = output(index);
    // The step where most heap blocks are live: the String's buffer and the Box's value.
    const at = view.snapshots.items.findIndex((item) => item.step === view.meta.peaks.heapBlocks.step);
    expect(at).toBeGreaterThanOrEqual(0);
    // Dragging the slider fires `input` events with its new value.
    await host.page.locator(`${sel} .memscope-slider`).evaluate((el, i) => {
      const input = el as HTMLInputElement;
      input.value = String(i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, at);
    await host.page.waitForFunction(([s, step]) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step === step,
      [sel, String(view.snapshots.items[at]!.step)] as const);
    const diagram = host.page.locator(`${sel} .memscope-diagram svg`);
    const texts = (await diagram.locator('text').allTextContents()).join('\n');
    expect(texts).toMatch(/s: String/);
    expect(texts).toMatch(/"hello, world"/);
    const snapshot = view.snapshots.items[at]!;
    expect(snapshot.blocks.length).toBeGreaterThanOrEqual(2);
    expect(texts).toContain(`heap (${snapshot.blocks.length} blocks, along the pointers)`);
    // An arrow per pointer of the snapshot, from the locals to their blocks.
    await expect(diagram.locator('.ms-pointer').count()).resolves.toBe(snapshot.pointers.length);
    // The source listing marks the line of the step's event.
    const line = snapshot.event!.line!;
    expect(line).toBeGreaterThan(0);
    await expect(host.page.locator(`${sel} .memscope-source .memscope-current`).textContent())
      .resolves.toBe(`${String(line).padStart(3)} ${view.meta.source!.split('\n')[line - 1]}`);
  });
  test('switching JupyterLab to the dark theme redraws the output dark, at the same step', async () => {
    const sel = output(index);
    const look = () => host.page.evaluate((s) => {
      const root = document.querySelector(`${s} .memscope-view`) as HTMLElement | null;
      return root ? `${root.dataset.theme} ${root.dataset.step}` : null;
    }, sel);
    const [, step] = (await look())!.split(' ');
    await host.page.evaluate(() => window.memscopeHost.setTheme(false));
    await host.page.waitForFunction(([s, want]) => {
      const root = document.querySelector(`${s} .memscope-view`) as HTMLElement | null;
      return root !== null && `${root.dataset.theme} ${root.dataset.step}` === want;
    }, [sel, `dark ${step}`] as const);
    const background = await host.page.evaluate((s) => getComputedStyle(document.querySelector(`${s} [data-chart="heap-occupancy"] svg`)!).backgroundColor, sel);
    expect(background).toBe('rgb(17, 17, 17)');
    await host.page.evaluate(() => window.memscopeHost.setTheme(true));
    await host.page.waitForFunction(([s, want]) => {
      const root = document.querySelector(`${s} .memscope-view`) as HTMLElement | null;
      return root !== null && `${root.dataset.theme} ${root.dataset.step}` === want;
    }, [sel, `light ${step}`] as const);
    // One output, not a second one appended by the redraw.
    await expect(host.page.locator(`${sel} .memscope-view`).count()).resolves.toBe(1);
  });
});

describe('class-ready stepping (issue 10)', () => {
  // `for i in 0..40 { names.push(format!("name {i}")) }` at the end of main: a diagram over 3000 px tall.
  const tall = () => {
    return rustProgram((rs) => rs.main(() => {
      const names = rs.let_mut('names', rs.Vec.new('String'));
      for (let i = 0; i < 40; i++) names.push(rs.String.from(`name ${i}`));
      rs.println('{:?}', names);
    }), { title: 'forty names' });
  };

  test('a 3000 px tall diagram keeps its width and scrolls inside its box, under the controls', async () => {
    await host.page.evaluate(() => window.memscopeHost.setTheme(true));
    await host.page.setViewportSize({ width: 1280, height: 800 });
    const view = makeView(tall());
    const { index } = await renderInHost(host, bundleOf(view), { label: 'tall' });
    const sel = output(index);
    await host.page.locator(`${sel} .memscope-stepbar`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const seen = await host.page.evaluate((s) => {
      const svg = document.querySelector(`${s} .memscope-diagram svg`)!;
      const box = document.querySelector(`${s} .memscope-diagram`)!;
      const r = svg.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const slider = document.querySelector(`${s} .memscope-slider`)!.getBoundingClientRect();
      return {
        width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), drawnWidth: r.width, drawnHeight: r.height,
        boxTop: b.top, boxBottom: b.bottom, sliderTop: slider.top, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight,
        step: (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step,
      };
    }, sel);
    expect(seen.step).toBe(String(view.step));
    expect(seen.height).toBeGreaterThan(3000);
    expect(seen.drawnWidth).toBeCloseTo(seen.width, 0);
    expect(seen.drawnHeight).toBeCloseTo(seen.height, 0);
    expect(seen.scrollHeight).toBeGreaterThan(seen.clientHeight + 2000);
    // The controls and the diagram's box share the 1280x800 screen.
    expect(seen.sliderTop).toBeGreaterThanOrEqual(0);
    expect(seen.boxTop).toBeGreaterThan(seen.sliderTop);
    expect(seen.boxBottom).toBeLessThanOrEqual(800);
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-tall.png') });
  });

  test('a long source line wraps inside the source column, indented past its number, never cut or scrolled sideways', async () => {
    await host.page.setViewportSize({ width: 1280, height: 800 });
    const view = makeView(example('three-regions'));
    const line = view.snapshots.items.find((item) => item.step === view.step)!.event!.line!; // the step shown first
    const tail = 'and here the line goes on well past the width of the narrow source column, to its end';
    const lines = view.meta.source!.split('\n');
    lines[line - 1] = `${lines[line - 1]} // ${tail}`;
    view.meta.source = lines.join('\n');
    const { index } = await renderInHost(host, bundleOf(view), { label: 'long line' });
    const sel = output(index);
    await host.page.locator(`${sel} .memscope-source summary`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const seen = await host.page.evaluate((s) => {
      const box = document.querySelector(`${s} .memscope-source-text`) as HTMLElement;
      const current = document.querySelector(`${s} .memscope-source .memscope-current`) as HTMLElement;
      const b = box.getBoundingClientRect();
      const rects = Array.from(current.getClientRects());
      const number = current.querySelector('.memscope-source-number')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(current);
      const fragments = Array.from(range.getClientRects());
      return {
        text: current.textContent, scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, boxLeft: b.left, boxRight: b.right,
        lineRight: Math.max(...rects.map((r) => r.right)), lineHeight: rects.reduce((h, r) => h + r.height, 0),
        oneLine: number.height, numberRight: number.right,
        continuationLefts: fragments.filter((r) => r.top > number.bottom - 1 && r.width > 0).map((r) => r.left),
      };
    }, sel);
    expect(seen.text).toBe(`${String(line).padStart(3)} ${lines[line - 1]}`);
    expect(seen.scrollWidth).toBeLessThanOrEqual(seen.clientWidth);
    expect(seen.lineRight).toBeLessThanOrEqual(seen.boxRight);
    expect(seen.lineHeight).toBeGreaterThan(seen.oneLine * 1.5); // wrapped onto more rows
    expect(seen.continuationLefts.length).toBeGreaterThan(0);
    for (const left of seen.continuationLefts) expect(left).toBeGreaterThanOrEqual(seen.numberRight - 1);
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-long-line.png') });
  });

  test('play, step by line and the change marks', async () => {
    const view = makeView(example('three-regions'));
    const { index } = await renderInHost(host, bundleOf(view), { label: 'stepping' });
    const sel = output(index);
    const state = () => host.page.evaluate((s) => {
      const root = document.querySelector(`${s} .memscope-view`) as HTMLElement;
      return { step: Number(root.dataset.step), line: root.dataset.line, changed: document.querySelectorAll(`${s} .memscope-diagram [data-change]`).length };
    }, sel);
    await host.page.locator(`${sel} .memscope-view`).focus();
    await host.page.keyboard.press('Home');
    await host.page.waitForFunction((s) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step === '0', sel);
    const start = await state();
    await host.page.keyboard.press('Shift+ArrowRight');
    await host.page.waitForFunction(([s, line]) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.line !== line, [sel, start.line] as const);
    const next = await state();
    expect(next.step).toBeGreaterThan(start.step);
    expect(next.line).not.toBe(start.line);
    // Every step of a short run is carried: what the step changed is marked.
    expect(next.changed).toBeGreaterThan(0);
    // Play runs on by itself; Space pauses it.
    await host.page.locator(`${sel} [data-action="play"]`).click();
    await host.page.waitForFunction(([s, step]) => Number((document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.step) >= step + 2, [sel, next.step] as const, { timeout: 5000 });
    await host.page.locator(`${sel} .memscope-view`).focus();
    await host.page.keyboard.press(' ');
    await expect(host.page.evaluate((s) => (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.playing, sel)).resolves.toBe('false');
  });
});

describe('other payload shapes', () => {
  test('a view as a JSON string and a whole timeline document both render', async () => {
    await host.page.evaluate(() => window.memscopeHost.clear());
    const vec = example('vec-growth');
    const asString = await renderInHost(host, bundleOf(JSON.stringify(makeView(vec))));
    const asTimeline = await renderInHost(host, bundleOf(encodeTimeline(example('ownership'))));
    for (const r of [asString, asTimeline]) {
      expect(r.mimeType).toBe(MIME_TYPE);
      await expect(host.page.locator(`${output(r.index)} .memscope-error`).count()).resolves.toBe(0);
      await expect(host.page.locator(`${output(r.index)} .memscope-chart svg`).count()).resolves.toBe(4);
      await expect(host.page.locator(`${output(r.index)} .memscope-diagram svg`).count()).resolves.toBe(1);
    }
    await expect(host.page.locator(`${output(asString.index)} .memscope-title`).textContent()).resolves.toBe(vec.meta.title);
  });

  test('an empty run: charts with no data, a note instead of a diagram, the slider disabled', async () => {
    const empty = makeView(new Machine().finish());
    const r = await renderInHost(host, bundleOf(empty));
    const sel = output(r.index);
    await expect(host.page.locator(`${sel} .memscope-error`).count()).resolves.toBe(0);
    await expect(host.page.locator(`${sel} .memscope-chart svg`).count()).resolves.toBe(4);
    await expect(host.page.locator(`${sel} .memscope-diagram`).textContent()).resolves.toBe('This output carries no snapshot to draw.');
    await expect(host.page.locator(`${sel} .memscope-slider`).isDisabled()).resolves.toBe(true);
  });

  test('the dark theme follows <body data-jp-theme-light="false">', async () => {
    await host.page.evaluate(() => {
      window.memscopeHost.clear();
      window.memscopeHost.setTheme(false);
    });
    const r = await renderInHost(host, bundleOf(makeView(example('ownership'))));
    const look = await host.page.evaluate((s) => ({
      theme: (document.querySelector(`${s} .memscope-view`) as HTMLElement).dataset.theme,
      chartBackground: getComputedStyle(document.querySelector(`${s} [data-chart="heap-occupancy"] svg`)!).backgroundColor,
      diagramText: document.querySelector(`${s} .memscope-diagram svg .ms-title`)?.getAttribute('fill'),
    }), output(r.index));
    expect(look.theme).toBe('dark');
    expect(look.chartBackground).toBe('rgb(17, 17, 17)');
    expect(look.diagramText).toBe('#e0e0e0');
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-dark.png'), fullPage: true });
    await host.page.evaluate(() => window.memscopeHost.setTheme(true));
  });
});

describe('the memscope outputs of a notebook executed by the real tslab kernel', () => {
  const notebook = 'notebooks/01-three-regions.ipynb';
  const jupyter = path.join(workDir, 'jupyter');
  let bundles: Array<{ cell: string; data: Record<string, unknown> }>;
  let installLog: string;

  beforeAll(() => {
    ensureDistBuilt();
    fs.rmSync(jupyter, { recursive: true, force: true });
    // The real CLI: installs the kernelspec and, through its hook, the extension built above.
    const installed = installKernelUnder(jupyter);
    installLog = installed.installLog;
    const executed = path.join(workDir, '01-three-regions.executed.ipynb');
    const run = spawnSync('/usr/bin/python3', [path.join(root, 'scripts', 'execute_notebook.py'), notebook, executed, '--kernel', 'memscope-ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: installed.env,
    });
    if (run.status !== 0) throw new Error(`executing ${notebook} failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
    const cells = JSON.parse(fs.readFileSync(executed, 'utf8')).cells as Array<{ id: string; outputs?: Array<{ output_type: string; data?: Record<string, unknown> }> }>;
    bundles = cells.flatMap((c) => (c.outputs ?? [])
      .filter((o) => o.output_type === 'display_data' && o.data && MIME_TYPE in o.data)
      .map((o) => ({ cell: c.id, data: o.data! })));
  }, 400_000);

  test('`memscope kernel install --prefix` put the built extension beside the kernelspec', () => {
    const installed = path.join(jupyter, 'prefix', 'share', 'jupyter', 'labextensions', 'memscope');
    expect(installLog).toContain(`Installed JupyterLab extension in ${installed}`);
    const meta = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    expect(meta.name).toBe('memscope');
    expect(fs.existsSync(path.join(installed, meta.jupyterlab._build.load))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'install.json'))).toBe(true);
  });

  test('every memscope output of the notebook renders: charts, slider and diagram, no error box', async () => {
    expect(bundles.length).toBeGreaterThanOrEqual(1);
    await host.page.evaluate(() => window.memscopeHost.clear());
    for (const { cell, data } of bundles) {
      // The whole bundle as the kernel sent it (memscope JSON, static SVG, text), untrusted as a freshly opened notebook is.
      const r = await renderInHost(host, data, { label: cell });
      expect(r.mimeType).toBe(MIME_TYPE);
      const sel = output(r.index);
      await expect(host.page.locator(`${sel} .memscope-error`).count()).resolves.toBe(0);
      await expect(host.page.locator(`${sel} .memscope-chart svg`).count()).resolves.toBe(4);
      await expect(host.page.locator(`${sel} .memscope-diagram svg`).count()).resolves.toBe(1);
      const view = data[MIME_TYPE] as ViewDocument;
      await expect(host.page.locator(`${sel} .memscope-summary`).textContent()).resolves.toBe(viewSummaryText(view));
    }
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-notebook.png'), fullPage: true });
  });
});

describe('bad payloads become an error box, never an exception', () => {
  const good = () => makeView(example('three-regions')) as unknown as Record<string, unknown>;

  async function errorText(payload: unknown): Promise<string> {
    const r = await renderInHost(host, bundleOf(payload));
    expect(r.mimeType).toBe(MIME_TYPE);
    const sel = output(r.index);
    await expect(host.page.locator(`${sel} .memscope-chart`).count()).resolves.toBe(0);
    return (await host.page.locator(`${sel} .memscope-error`).textContent()) ?? '';
  }

  beforeAll(async () => {
    await host.page.evaluate(() => window.memscopeHost.clear());
  });

  test('a view with a missing series names the JSON path and what was expected', async () => {
    const bad = good();
    delete (bad.series as Record<string, unknown>).heapLive;
    const text = await errorText(bad);
    expect(text).toContain('This memscope output cannot be shown');
    expect(text).toContain('memscope output: series.heapLive: expected an object {step: [...], value: [...]}');
  });

  test('a snapshot value of an unknown kind is caught by the deep check', async () => {
    const bad = good();
    const items = (bad.snapshots as { items: Array<{ frames: Array<{ locals: Array<{ value: unknown }> }> }> }).items;
    const snapshot = items.find((item) => item.frames.length > 0 && item.frames[0]!.locals.length > 0)!;
    snapshot.frames[0]!.locals[0]!.value = { k: 'script', v: '<img src=x onerror=alert(1)>' };
    const text = await errorText(bad);
    expect(text).toMatch(/snapshots\.items\[\d+\]\.frames\[0\]\.locals\[0\]\.value/);
    await expect(host.page.locator('img').count()).resolves.toBe(0);
  });

  test('a string that is not JSON', async () => {
    const text = await errorText('{"format": "memscope", "version": 1, ');
    expect(text).toContain('memscope output: (root): expected valid JSON');
  });

  test('a document from a newer memscope asks to update', async () => {
    const text = await errorText({ ...good(), version: FORMAT_VERSION + 1 });
    expect(text).toContain(`written by a newer memscope (version ${FORMAT_VERSION + 1}): update memscope to read it`);
  });

  test('something that is not a memscope document at all', async () => {
    const text = await errorText({ hello: 'world' });
    expect(text).toContain('memscope output: format: expected "memscope"');
    await host.page.screenshot({ path: path.join(screens, 'lab-extension-errors.png'), fullPage: true });
  });
});

describe('the page as a whole', () => {
  test('threw nothing and logged no error', () => {
    expect(host.pageErrors).toEqual([]);
  });

  test('no request left the machine', () => {
    expect(host.offMachine).toEqual([]);
  });
});
