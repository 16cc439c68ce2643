/**
 * Issue 10's proof on an exported handout, as a reader sees it at 1280x800 in Chromium from
 * file:// (every request outside the handout folder refused): the step controls and the
 * diagram are on screen together; the handout opens at the step the notebook asked for (its
 * line and its locals); a String's capacity is a cell of its own; a Box list reads in list
 * order; a hole's size is drawn; a changed cell carries the change mark; no chart says
 * "step -1". The fixture notebook (fixtures/stepping-handout.ipynb) prints the steps it asks
 * for, computed from the timeline, so nothing here is a hard-coded step number.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureDistBuilt } from '../helpers/dist';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'test-output', 'handouts', 'stepping');
const screens = path.join(root, 'test-output', 'screens');
const fixture = path.join('test', 'handouts', 'fixtures', 'stepping-handout.ipynb');
const VIEWPORT = { width: 1280, height: 800 };
const view = '.memscope-handout .memscope-view';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const refused: string[] = [];
let asked = -1;
let pushed = -1;

/** The values drawn in the diagram's cells labelled `label`, in document order. */
function cells(label: string): Promise<string[]> {
  return page.locator(`${view} div.memscope-diagram g.ms-cell[data-label="${label}"]`).evaluateAll((gs) =>
    gs.map((g) => Array.from(g.querySelectorAll('text')).pop()?.textContent ?? ''));
}

async function goToStep(step: number): Promise<void> {
  await page.locator(`${view} .memscope-slider`).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(([sel, s]) => (document.querySelector(sel as string) as HTMLElement).dataset.step === String(s), [view, step] as const);
}

beforeAll(async () => {
  ensureDistBuilt();
  fs.rmSync(outDir, { recursive: true, force: true });
  const run = spawnSync('bash', ['scripts/handouts.sh', '--no-build', '--out', outDir, fixture], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`handouts.sh failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  const nb = JSON.parse(fs.readFileSync(path.join(outDir, 'stepping-handout.ipynb'), 'utf8'));
  const printed = nb.cells.flatMap((c: { outputs?: { text?: string | string[] }[] }) => (c.outputs ?? []).map((o) => [o.text ?? ''].flat().join(''))).join('');
  const m = /asked step (\d+) line 14; push step (\d+)/.exec(printed);
  if (!m) throw new Error(`the fixture did not print its steps:\n${printed}`);
  asked = Number(m[1]);
  pushed = Number(m[2]);
  fs.mkdirSync(screens, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: VIEWPORT });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`file://${outDir}/`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  page = await context.newPage();
  await page.goto(`file://${path.join(outDir, 'stepping-handout.html')}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.memscope === 'ready', null, { timeout: 60_000 });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  expect(refused).toEqual([]);
});

test('the step controls and the diagram are on screen together at 1280x800', async () => {
  // As a reader does: scroll the output to the top of the window.
  await page.locator(view).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const slider = (await page.locator(`${view} .memscope-slider`).boundingBox())!;
  const diagram = (await page.locator(`${view} div.memscope-diagram svg`).boundingBox())!;
  const inside = (b: { x: number; y: number; width: number; height: number }, h: number) =>
    b.x >= 0 && b.x + b.width <= VIEWPORT.width && b.y >= 0 && b.y + h <= VIEWPORT.height;
  expect(inside(slider, slider.height)).toBe(true);
  // The diagram starts on screen with room to read it: at least 300 px of it (or all of it).
  expect(inside(diagram, Math.min(diagram.height, 300))).toBe(true);
  await page.screenshot({ path: path.join(screens, 'handout-stepping-viewport.png') });
});

test('it opens at the step the notebook asked for: that line, those locals', async () => {
  expect(asked).toBeGreaterThan(0);
  await expect(page.locator(view).getAttribute('data-step')).resolves.toBe(String(asked));
  const controls = (await page.locator(view).innerText()).replace(/\s+/g, ' ');
  expect(controls).toContain(`step ${asked} of`);
  expect(controls).toContain('line 14');
  const text = await page.locator(`${view} div.memscope-diagram svg`).textContent();
  for (const local of ['list', 's', 'a', 'c']) expect(text).toMatch(new RegExp(`\\b${local}\\b`));
});

test("a String's capacity is a cell of its own: s has len 2 in a buffer of 10", async () => {
  const lens = await cells('len');
  const caps = await cells('cap');
  const at = caps.indexOf('10');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(lens[at]).toBe('2');
});

test('a Box list reads in list order, top to bottom', async () => {
  const order = await page.locator(`${view} div.memscope-diagram g.ms-block-group`).evaluateAll((groups) =>
    groups.map((g) => ({
      y: Number(g.querySelector('rect.ms-block')?.getAttribute('y')),
      head: Array.from(g.querySelectorAll('g.ms-cell[data-label="0"] text')).pop()?.textContent ?? null,
    })));
  const heads = order.filter((b) => b.head !== null).sort((p, q) => p.y - q.y).map((b) => b.head);
  // list = Cons(1, →Cons(2, →Cons(3, →Nil))): the heap holds the nodes 2 and 3, in that order.
  expect(heads.slice(0, 2)).toEqual(['2', '3']);
});

test("the hole left by the dropped String is drawn with its size", async () => {
  const holes = await page.locator(`${view} div.memscope-diagram rect.ms-hole`).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-size'))));
  expect(holes.length).toBeGreaterThan(0);
  const text = (await page.locator(`${view} div.memscope-diagram svg`).textContent())!;
  const largest = Math.max(...holes);
  expect(text).toContain(`${largest} B free`);
});

test('a changed cell carries the change mark (push_str: len 0 → 2)', async () => {
  await goToStep(pushed);
  const changed = await page.locator(`${view} div.memscope-diagram g.ms-cell.ms-changed[data-label="len"]`).count();
  expect(changed).toBe(1);
  await page.screenshot({ path: path.join(screens, 'handout-stepping-changed.png') });
});

test('no chart or summary says "step -1"', async () => {
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('step -1');
  const svgText = await page.locator(`${view} svg`).evaluateAll((svgs) => svgs.map((s) => s.textContent ?? '').join(' '));
  expect(svgText).not.toContain('step -1');
});
