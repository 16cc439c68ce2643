/**
 * Live handouts (issue 13) in headless Chromium, from file://, with every request that is not a
 * file of the handout folder refused and counted: a fixture notebook is executed by
 * `scripts/handouts.sh` with the real tslab kernel and exported with the real template, then
 * - the step control moves the diagram;
 * - editing the Rust example (more pushes) and pressing Run changes the heap chart and the diagram;
 * - an endless loop and runaway recursion end with a message within a second, the page responding;
 * - a use after move shows rustc's error on its line;
 * - with JavaScript off the static SVG shows; print emulation shows the filmstrip;
 * - the playground runs a course example picked from its menu.
 * Screenshots of each state go to test-output/screens/handout-*.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureDistBuilt } from '../helpers/dist';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'test-output', 'handouts', 'live');
const screens = path.join(root, 'test-output', 'screens');
const fixture = path.join('test', 'handouts', 'fixtures', 'live-handout.ipynb');
const MIME = 'application/vnd.memscope.v1+json';

let browser: Browser;

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests refused: anything but a file of the handout folder. */
  refused: string[];
  errors: string[];
}

async function open(file: string, options: { javaScriptEnabled?: boolean; folder?: string } = {}): Promise<Session> {
  const folder = options.folder ?? outDir;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const s: Session = { context, page: await context.newPage(), requests: [], refused: [], errors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    s.requests.push(url);
    if (url.startsWith(`file://${folder}/`)) return route.continue();
    s.refused.push(url);
    return route.abort();
  });
  s.page.on('pageerror', (err) => s.errors.push(err.message));
  s.page.on('console', (msg) => {
    if (msg.type() === 'error') s.errors.push(msg.text());
  });
  await s.page.goto(`file://${path.join(folder, file)}`, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) {
    await s.page.waitForFunction(() => document.documentElement.dataset.memscope === 'ready', null, { timeout: 60_000 });
  }
  return s;
}

/** The values drawn in the diagram's cells labelled `label` (e.g. a Vec's `len`), in order. */
function cells(page: Page, scope: string, label: string): Promise<string[]> {
  return page.locator(`${scope} div.memscope-diagram g.ms-cell[data-label="${label}"]`).evaluateAll((gs) =>
    gs.map((g) => Array.from(g.querySelectorAll('text')).pop()?.textContent ?? ''));
}

async function close(s: Session): Promise<void> {
  await s.context.close();
  // Nothing left the machine, and nothing outside the handout folder was read.
  expect(s.refused).toEqual([]);
  expect(s.errors).toEqual([]);
}

beforeAll(async () => {
  ensureDistBuilt();
  fs.rmSync(outDir, { recursive: true, force: true });
  const run = spawnSync('bash', ['scripts/handouts.sh', '--no-build', '--out', outDir, fixture], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`handouts.sh failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  fs.mkdirSync(screens, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('the exported folder', () => {
  test('one shared runtime within its 4 MB budget, loaded by a relative <script src>', () => {
    const runtime = fs.statSync(path.join(outDir, 'memscope-runtime.js')).size;
    expect(runtime).toBeLessThanOrEqual(4 * 1024 * 1024);
    const html = fs.readFileSync(path.join(outDir, 'live-handout.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // The runtime, and the output's view as data (a type the browser never runs).
    // (and the marked cell's program, also data).
    expect(scripts).toEqual(['<script src="memscope-runtime.js" defer>', `<script type="${MIME}">`, '<script type="application/json" class="memscope-rust">']);
    expect(html.match(/\b(?:src|href)\s*=\s*["']?(?:https?:|file:|\/\/)[^"' >]*/gi) ?? []).toEqual([]);
  });

  test('a page carries its static SVG plus its output\'s JSON, compact, and not more', () => {
    const html = fs.readFileSync(path.join(outDir, 'live-handout.html'), 'utf8');
    const nb = JSON.parse(fs.readFileSync(path.join(outDir, 'live-handout.ipynb'), 'utf8'));
    const views = nb.cells.flatMap((c: { outputs?: { data?: Record<string, unknown> }[] }) => (c.outputs ?? []).map((o) => o.data?.[MIME]).filter(Boolean));
    expect(views).toHaveLength(1);
    const json = /<script type="application\/vnd\.memscope\.v1\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual(views[0]);
    // The JSON in the page is the compact JSON, '<' escaped and nothing else added.
    const compact = JSON.stringify(views[0]);
    expect(json.length).toBe(compact.length + 5 * (compact.split('<').length - 1));
    // The static SVG is still in the page (as an image).
    expect(html).toContain('<img alt="memory diagram and charts" src="data:image/svg+xml');
  });

  test('LaTeX in markdown is typeset by KaTeX at export; a price in dollars stays text', () => {
    const html = fs.readFileSync(path.join(outDir, 'live-handout.html'), 'utf8');
    expect(html).toContain('<annotation encoding="application/x-tex">O(\\log n)</annotation>');
    expect(html).toMatch(/class="katex-display"/);
    expect(html).toContain('Prices like $5 and $10 stay text.');
    expect(fs.existsSync(path.join(outDir, 'katex', 'katex.min.css'))).toBe(true);
    expect(fs.readdirSync(path.join(outDir, 'katex', 'fonts')).filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(10);
  });

  test('the index links the handout and the playground by relative paths', () => {
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(index).toContain('<a href="./live-handout.html">Live handout fixture</a>');
    expect(index).toContain('<a href="./playground.html">Playground</a>');
  });
});

describe('a handout with scripts on', () => {
  let s: Session;
  const view = '.memscope-handout .memscope-view';
  const diagram = () => s.page.locator(`${view} div.memscope-diagram`).innerHTML();
  const heapChart = () => s.page.locator(`${view} [data-chart="heap-occupancy"] svg`).innerHTML();
  const waitRun = async (): Promise<{ state: string; ms: number }> => {
    const started = Date.now();
    await s.page.locator('.memscope-handout .memscope-run-button').click();
    await s.page.waitForFunction(() => {
      const state = (document.querySelector('.memscope-handout .memscope-run') as HTMLElement).dataset.state;
      return state !== undefined && state !== 'running';
    }, null, { timeout: 10_000 });
    const state = (await s.page.locator('.memscope-handout .memscope-run').getAttribute('data-state'))!;
    return { state, ms: Date.now() - started };
  };
  const edit = (source: string) => s.page.locator('.memscope-handout .memscope-editor-text').fill(source);
  /** The page answers: a step move draws within a second. */
  const stillResponds = async () => {
    const started = Date.now();
    await expect(s.page.evaluate(() => 6 * 7)).resolves.toBe(42);
    expect(Date.now() - started).toBeLessThan(1000);
  };

  beforeAll(async () => {
    s = await open('live-handout.html');
  });
  afterAll(async () => {
    await close(s);
  });

  test('the output is live: step control, diagram, charts; the static picture gives way', async () => {
    await expect(s.page.locator('.memscope-handout.memscope-handout-live').count()).resolves.toBe(1);
    await expect(s.page.locator('.memscope-handout .memscope-static img').isVisible()).resolves.toBe(false);
    await expect(s.page.locator(`${view} .memscope-slider`).isVisible()).resolves.toBe(true);
    await expect(s.page.locator(`${view} .memscope-diagram svg`).isVisible()).resolves.toBe(true);
    const charts = await s.page.locator(`${view} .memscope-charts .memscope-chart svg`).count();
    expect(charts).toBe(3);
    // The Rust program is in an editor with line numbers.
    const source = await s.page.locator('.memscope-handout .memscope-editor-text').inputValue();
    expect(source).toContain('for i in 0..3 {');
    await expect(s.page.locator('.memscope-handout .memscope-editor-gutter').textContent()).resolves.toMatch(/^\s+1\n\s+2\n/);
    await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-live.png'), fullPage: true });
  });

  test('moving the step control changes the diagram', async () => {
    const before = await diagram();
    await s.page.locator(`${view} .memscope-slider`).focus();
    await s.page.keyboard.press('Home');
    await s.page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).dataset.step === '0', view);
    const first = await diagram();
    expect(first).not.toBe(before);
    await s.page.keyboard.press('End');
    await s.page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).dataset.step !== '0', view);
    expect(await diagram()).not.toBe(first);
  });

  test('editing the program (40 pushes instead of 3) and pressing Run changes the heap chart and the diagram', async () => {
    const chartBefore = await heapChart();
    const diagramBefore = await diagram();
    const source = await s.page.locator('.memscope-handout .memscope-editor-text').inputValue();
    await edit(source.replace('0..3', '0..40'));
    const { state } = await waitRun();
    expect(state).toBe('ok');
    await s.page.waitForFunction((sel) => document.querySelector(sel) !== null, `${view} .memscope-diagram svg`);
    const diagramAfter = await diagram();
    expect(diagramAfter).not.toBe(diagramBefore);
    // The diagram opens at the end of main: the Vec holds 40 numbers in a buffer of 64 (256 bytes).
    await expect(cells(s.page, view, 'len')).resolves.toEqual(['40', '2']);
    await expect(cells(s.page, view, 'cap')).resolves.toEqual(['64', '2']);
    expect(diagramAfter).toContain('256 B');
    const chartAfter = await heapChart();
    expect(chartAfter).not.toBe(chartBefore);
    // The byte axis now reaches the 256-byte buffer (the step axis stays under 200 steps).
    const labels = await s.page.locator(`${view} [data-chart="heap-occupancy"] .role-axis-label text`).allTextContents();
    const numbers = labels.flatMap((t) => (t.replace(/,/g, '').match(/\d+(\.\d+)?/g) ?? []).map(Number));
    expect(Math.max(...numbers)).toBeGreaterThanOrEqual(250);
    await expect(s.page.locator('.memscope-handout .memscope-run-stdout').textContent()).resolves.toBe('40 hi\n');
    // The step control works on the new run.
    await s.page.locator(`${view} .memscope-slider`).focus();
    await s.page.keyboard.press('Home');
    await s.page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).dataset.step === '0', view);
    await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-edited.png'), fullPage: true });
  });

  test('an endless loop is stopped with a message within a second; the page still responds', async () => {
    await edit('fn main() {\n    let mut i: u64 = 0;\n    loop {\n        i = i + 1;\n    }\n}\n');
    const { state, ms } = await waitRun();
    expect(['steps', 'timeout']).toContain(state);
    expect(ms).toBeLessThan(1000);
    await expect(s.page.locator('.memscope-handout .memscope-run-error').textContent()).resolves.toMatch(/endless loop/);
    // The run still drawn is the last one that worked, and says so.
    await expect(s.page.locator('.memscope-handout .memscope-live.memscope-stale').count()).resolves.toBe(1);
    await stillResponds();
    await s.page.locator(`${view} .memscope-slider`).focus();
    await s.page.keyboard.press('End');
    await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-endless-loop.png') });
  });

  test('runaway recursion ends with a message within a second, and the next run works', async () => {
    await edit('fn down(n: u64) -> u64 {\n    down(n + 1) + 1\n}\n\nfn main() {\n    println!("{}", down(0));\n}\n');
    const { state, ms } = await waitRun();
    expect(ms).toBeLessThan(1000);
    const message = await s.page.locator('.memscope-handout .memscope-run-error').textContent();
    // Either the model's own stack overflows (a run that ends) or the page's interpreter stops it.
    if (state === 'ok') expect(await s.page.locator('.memscope-handout .memscope-run-status').textContent()).toMatch(/overflowed its stack/);
    else expect(message).toMatch(/recursion too deep|endless loop/);
    await stillResponds();
    await edit('fn main() {\n    let v: Vec<u8> = vec![1, 2, 3];\n    println!("{}", v.len());\n}\n');
    await expect(waitRun().then((r) => r.state)).resolves.toBe('ok');
    await expect(s.page.locator('.memscope-handout .memscope-live.memscope-stale').count()).resolves.toBe(0);
  });

  test('a use after move shows rustc\'s error with its line marked', async () => {
    await edit('fn main() {\n    let a = String::from("x");\n    let b = a;\n    println!("{}", a);\n}\n');
    const { state } = await waitRun();
    expect(state).toBe('compile');
    const message = (await s.page.locator('.memscope-handout .memscope-run-error').textContent())!;
    expect(message).toContain('error[E0382]: borrow of moved value: `a`');
    expect(message).toMatch(/--> src\/main\.rs:4:\d+\n\s+\|\n4 \|     println!\("\{\}", a\);\n\s+\| +\^/);
    await expect(s.page.locator('.memscope-handout .memscope-editor-error-line').textContent()).resolves.toMatch(/^\s*4\n$/);
    await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-error.png') });
  });

  test('a code cell marked runnable in its metadata gets its program in an editor, and Run draws it', async () => {
    const marked = s.page.locator('.memscope-runnable');
    await expect(marked.locator('.memscope-editor-text').inputValue()).resolves.toContain('Box::new(7)');
    await expect(marked.locator('pre.memscope-static').isVisible()).resolves.toBe(false);
    await marked.locator('.memscope-run-button').click();
    await s.page.waitForFunction(() => (document.querySelector('.memscope-runnable .memscope-run') as HTMLElement).dataset.state === 'ok', null, { timeout: 10_000 });
    await expect(marked.locator('.memscope-view div.memscope-diagram .ms-block').count()).resolves.toBe(1);
    await expect(cells(s.page, '.memscope-runnable', '')).resolves.toContain('7');
    await expect(marked.locator('.memscope-run-stdout').textContent()).resolves.toBe('7\n');
  });

  test('a long code line scrolls inside its cell instead of being cut', async () => {
    const box = await s.page.locator('.jp-InputArea-editor pre', { hasText: 'aVeryLongLineOfCode' }).evaluate((pre) => {
      const scroller = [pre, pre.parentElement!, pre.parentElement!.parentElement!].find((el) => el.scrollWidth > el.clientWidth + 4);
      return scroller ? { overflow: getComputedStyle(scroller).overflowX, right: scroller.getBoundingClientRect().right } : null;
    });
    expect(box).not.toBeNull();
    expect(['auto', 'scroll']).toContain(box!.overflow);
    expect(box!.right).toBeLessThanOrEqual(1280);
  });
});

describe('print', () => {
  test('shows the filmstrip of the steps the notebook chose instead of the live widget', async () => {
    const s = await open('live-handout.html');
    try {
      await s.page.emulateMedia({ media: 'print' });
      await expect(s.page.locator('.memscope-handout .memscope-view').isVisible()).resolves.toBe(false);
      await expect(s.page.locator('.memscope-handout .memscope-editor').isVisible()).resolves.toBe(false);
      await expect(s.page.locator('.memscope-handout .memscope-static img').isVisible()).resolves.toBe(false);
      const frames = s.page.locator('.memscope-handout .memscope-filmstrip-frame');
      await expect(frames.first().isVisible()).resolves.toBe(true);
      // show(t, { step: 10, filmstrip: [4, 8, 10] }) in the fixture.
      const captions = await frames.locator('figcaption').allTextContents();
      expect(captions.map((c) => Number(/^step (\d+)/.exec(c)![1]))).toEqual([4, 8, 10]);
      for (const svg of await frames.locator('svg').all()) expect((await svg.boundingBox())!.width).toBeGreaterThan(200);
      await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-print.png'), fullPage: true });
    } finally {
      await close(s);
    }
  });
});

describe('a handout with scripts off', () => {
  test('shows the static SVG and no live parts', async () => {
    const s = await open('live-handout.html', { javaScriptEnabled: false });
    try {
      const img = s.page.locator('.memscope-handout .memscope-static img');
      await expect(img.isVisible()).resolves.toBe(true);
      const size = await img.evaluate((el) => ({ natural: (el as HTMLImageElement).naturalWidth, width: el.getBoundingClientRect().width }));
      expect(size.natural).toBeGreaterThan(300);
      expect(size.width).toBeGreaterThan(300);
      await expect(s.page.locator('.memscope-live, .memscope-editor').count()).resolves.toBe(0);
      // A marked cell's program shows as text.
      await expect(s.page.locator('.memscope-runnable pre.memscope-static').textContent()).resolves.toContain('Box::new(7)');
      // Math was typeset at export: it shows without scripts too.
      await expect(s.page.locator('.katex').first().isVisible()).resolves.toBe(true);
      await s.page.screenshot({ path: path.join(screens, 'handout-live-handout-static.png'), fullPage: true });
    } finally {
      await close(s);
    }
  });
});

describe('the playground', () => {
  test('starts with an editor, offers the course examples, and runs one', async () => {
    const s = await open('playground.html');
    try {
      const options = await s.page.locator('.memscope-examples-menu option').allTextContents();
      expect(options).toEqual(['an empty program', 'live-handout: pushes', 'live-handout: a box']);
      await expect(s.page.locator('.memscope-editor-text').inputValue()).resolves.toContain('fn main()');
      await s.page.locator('.memscope-examples-menu').selectOption({ label: 'live-handout: pushes' });
      await expect(s.page.locator('.memscope-editor-text').inputValue()).resolves.toContain('for i in 0..3 {');
      await s.page.locator('.memscope-run-button').click();
      await s.page.waitForFunction(() => (document.querySelector('.memscope-run') as HTMLElement).dataset.state === 'ok', null, { timeout: 10_000 });
      await s.page.waitForFunction(() => document.querySelector('.memscope-view .memscope-diagram svg') !== null);
      await expect(cells(s.page, '.memscope-playground', 'len')).resolves.toEqual(['3', '2']);
      await s.page.screenshot({ path: path.join(screens, 'handout-playground-live.png'), fullPage: true });
    } finally {
      await close(s);
    }
    const off = await open('playground.html', { javaScriptEnabled: false });
    try {
      await expect(off.page.locator('noscript, body').first().textContent()).resolves.toContain('The playground needs JavaScript');
      await off.page.screenshot({ path: path.join(screens, 'handout-playground-static.png'), fullPage: true });
    } finally {
      await close(off);
    }
  });
});

describe('the folder copied elsewhere', () => {
  test('still opens live from its new place, reading only its own files', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-handouts-copy-'));
    try {
      fs.cpSync(outDir, copy, { recursive: true });
      const s = await open('live-handout.html', { folder: copy });
      try {
        await expect(s.page.locator('.memscope-handout.memscope-handout-live .memscope-slider').count()).resolves.toBe(1);
        expect(s.requests.every((url) => url.startsWith(`file://${copy}/`))).toBe(true);
        expect(s.requests.some((url) => url.endsWith('/memscope-runtime.js'))).toBe(true);
      } finally {
        await close(s);
      }
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
