/**
 * The HTML report of `memscope replay --html` in headless Chromium, opened from file:// with
 * every request recorded and anything else refused: the comparison, then per trace the
 * allocation-site and leak tables and the analysis charts, then the provenance, all drawn
 * without a single request beyond the file itself. Screenshots: test-output/screens/replay-report.png,
 * replay-report-address-maps.png.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../../src/cli/main';

const root = path.resolve(__dirname, '..', '..', '..');
const traces = ['sort.mtrace.gz', 'cc1-gun.mtrace.gz'].map((t) => path.join(root, 'traces', t));

describe('memscope replay --html in Chromium', () => {
  let browser: Browser;
  let file: string;
  let stderr = '';

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-report-')), 'report.html');
    const code = await main(['replay', ...traces, '--policy', 'first-fit,best-fit,buddy', '--jobs', '1', '--html', file], {
      out: () => {},
      err: (t) => (stderr += t),
      isTTY: false,
    });
    expect(code).toBe(0);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 300_000);
  afterAll(async () => browser?.close());

  it('shows the sites and leak tables, the charts and the provenance, with no request but the file', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url === `file://${file}` ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    await page.goto(`file://${file}`);

    const sections = page.locator('section.analyses');
    expect(await sections.count()).toBe(2);
    expect(await sections.locator('h2').allTextContents()).toEqual([`${traces[0]}: who allocates`, `${traces[1]}: who allocates`]);
    // cc1: 22 sites, the table lists the top 20 by bytes; xmalloc first, as the trace counts it.
    const cc1Sites = sections.nth(1).locator('table.sites tbody tr');
    expect(await cc1Sites.count()).toBe(20);
    const first = await cc1Sites.first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['1', 'xmalloc+1c (cc1)', '48,895']);
    expect(first[6]).toBe('/usr/lib/gcc/x86_64-linux-gnu/12/cc1:(xmalloc+1c)[0x15db5ac]');
    // 7 of cc1's sites still hold blocks at exit (the leak rows of test/alloc-lab/analyses count them line by line).
    expect(await sections.nth(1).locator('table.leaks tbody tr').count()).toBe(7);
    await expect(sections.nth(0).locator('p.note').textContent()).resolves.toContain('14 blocks (224 B) live at exit');

    // Charts: the comparison's, then six per trace (sites, shares, sizes, lifetimes, heap over time, address maps), all drawn.
    const figures = page.locator('figure > svg');
    const boxes = await figures.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(boxes.length).toBe(2 + 2 + 2 * 6);
    for (const [w, h] of boxes) expect(w * h).toBeGreaterThan(100 * 100);
    for (const title of ['Top allocation sites by bytes requested', 'Where it comes from', 'Request sizes', 'Block lifetimes', 'The heap over time', 'Where each policy put the blocks']) {
      expect(await sections.nth(1).locator('svg', { hasText: title }).count()).toBe(1);
    }
    // The address maps: a panel per policy, scrolled into view, each with shaded cells inside its plot.
    const maps = sections.nth(1).locator('svg', { hasText: 'Where each policy put the blocks' });
    await maps.scrollIntoViewIfNeeded();
    const box = (await maps.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    const panelTitles = await maps.locator('text').allTextContents();
    for (const policy of ['first-fit', 'best-fit', 'buddy']) expect(panelTitles).toContain(policy);
    const cells = await maps.locator('path[aria-roledescription="rect mark"]').count();
    expect(cells).toBeGreaterThan(3 * 50);
    await maps.screenshot({ path: path.join(root, 'test-output', 'screens', 'replay-report-address-maps.png') });

    const provenance = await page.locator('dl.provenance').textContent();
    const sha = createHash('sha256').update(fs.readFileSync(traces[1])).digest('hex');
    expect(provenance).toContain(`sha256 ${sha}`);
    expect(provenance).toContain('granule 16 B, header 0 B, limit none');
    expect(provenance).toContain('memscope replay');

    fs.mkdirSync(path.join(root, 'test-output', 'screens'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'screens', 'replay-report.png'), fullPage: true });
    expect(requests).toEqual([`file://${file}`]);
    await context.close();
  });
});
