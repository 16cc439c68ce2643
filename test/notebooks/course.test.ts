/**
 * The course and research notebooks (notebooks/01-… to 06-…) end to end, with the real things:
 * each is executed top to bottom by `scripts/handouts.sh` (nbclient + the memscope-ts tslab
 * kernel; any cell error fails it), its outputs are checked for the figures the prose talks
 * about, its offline HTML handout is opened in headless Chromium from file:// with every
 * off-machine request refused, live (scripts on, every memscope output mounted) and static
 * (scripts off, the SVGs), and full-page screenshots of both go to test-output/screens/
 * (NN-name-live.png, NN-name.png).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { compare } from '../../src/alloc-lab/compare';
import { formatTable } from '../../src/views/lab/table';
import { ensureDistBuilt } from '../helpers/dist';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'test-output', 'notebooks', 'course');
const screens = path.join(root, 'test-output', 'screens');
const notebooks = fs.readdirSync(path.join(root, 'notebooks')).filter((f) => /^0[1-7]-.*\.ipynb$/.test(f)).sort();

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}
interface Cell {
  cell_type: string;
  id: string;
  execution_count?: number | null;
  outputs?: Output[];
}
interface Executed {
  status: number | null;
  log: string;
  seconds: number | null;
  cells: Cell[];
}

const joined = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join('') : s ?? '');
const stdoutOf = (cell: Cell | undefined): string =>
  (cell?.outputs ?? []).filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => joined(o.text)).join('');
const svgsOf = (cells: Cell[]): string[] =>
  cells.flatMap((c) => (c.outputs ?? []).map((o) => joined(o.data?.['image/svg+xml'])).filter((s) => s.length > 0));

const executed = new Map<string, Executed>();

beforeAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  ensureDistBuilt();
  // One handouts.sh run per notebook, so a failing notebook fails its own tests only.
  for (const nb of notebooks) {
    const run = spawnSync('bash', ['scripts/handouts.sh', '--no-build', '--out', outDir, `notebooks/${nb}`],
      { cwd: root, encoding: 'utf8', timeout: 600_000 });
    const log = run.stderr ?? '';
    const time = log.match(/executing… (\d+\.\d) s/);
    const file = path.join(outDir, nb);
    executed.set(nb, {
      status: run.status,
      log,
      seconds: time ? Number(time[1]) : null,
      cells: run.status === 0 && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).cells : [],
    });
  }
  fs.writeFileSync(path.join(outDir, 'times.json'), JSON.stringify(Object.fromEntries([...executed].map(([nb, e]) => [nb, e.seconds])), null, 1));
}, 1_800_000);

function get(nb: string): Executed {
  const e = executed.get(nb);
  if (!e) throw new Error(`${nb} was not executed`);
  if (e.status !== 0) throw new Error(`handouts.sh failed on ${nb} (exit ${e.status}):\n${e.log}`);
  return e;
}
const out = (nb: string, id: string): string => {
  const cell = get(nb).cells.find((c) => c.id === id);
  if (!cell) throw new Error(`${nb} has no cell '${id}'`);
  return stdoutOf(cell);
};
const nbNamed = (prefix: string): string => {
  const nb = notebooks.find((n) => n.startsWith(prefix));
  if (!nb) throw new Error(`no notebook ${prefix}-*.ipynb`);
  return nb;
};

test('the seven course and research notebooks are there', () => {
  expect(notebooks.map((n) => n.slice(0, 2))).toEqual(['01', '02', '03', '04', '05', '06', '07']);
});

describe.each(notebooks)('%s', (nb) => {
  test('runs top to bottom: every code cell in order, no error or stderr output', () => {
    const { cells, seconds } = get(nb);
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThanOrEqual(5);
    expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
    const bad = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error' || o.name === 'stderr')
      .map((o) => `${c.id}: ${o.output_type} ${joined(o.text)}`));
    expect(bad).toEqual([]);
    // A notebook is a lesson, not a batch job: each stays well under the per-cell limit.
    expect(seconds).not.toBeNull();
    expect(seconds!).toBeLessThan(120);
  });

  test('has a title, prose between the cells, exercises and "what to remember"', () => {
    const source = JSON.parse(fs.readFileSync(path.join(root, 'notebooks', nb), 'utf8')).cells as Array<{ cell_type: string; source: string[] }>;
    const markdown = source.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join(''));
    expect(markdown[0]).toMatch(/^# 0\d · /);
    expect(markdown.join('\n')).toContain("What you'll learn");
    expect(markdown.join('\n')).toContain('## Exercises');
    expect(markdown.join('\n')).toContain('## What to remember');
    expect(markdown.length).toBeGreaterThanOrEqual(6);
    // Committed without outputs: the handouts are where executed notebooks live.
    const committed = JSON.parse(fs.readFileSync(path.join(root, 'notebooks', nb), 'utf8')).cells as Cell[];
    expect(committed.flatMap((c) => c.outputs ?? [])).toEqual([]);
  });

  test('the HTML handout is self-contained: only the shared runtime and data scripts, no remote or file:// references', () => {
    get(nb);
    const html = fs.readFileSync(path.join(outDir, nb.replace(/\.ipynb$/, '.html')), 'utf8');
    // The folder's own runtime (relative), and memscope views as data (a type browsers never run).
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts[0]).toBe('<script src="memscope-runtime.js" defer>');
    expect(scripts.slice(1).every((tag) => tag === '<script type="application/vnd.memscope.v1+json">')).toBe(true);
    expect(html.match(/\b(?:src|href)\s*=\s*["']?(?:https?:|file:|\/\/)[^"' >]*/gi) ?? []).toEqual([]);
    expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
  });
});

describe('01 · three regions', () => {
  const nb = () => nbNamed('01');
  test('the diagram step lists static data, the frame of main and the String buffer', () => {
    const text = out(nb(), 'snapshot');
    expect(text).toMatch(/static +0x[0-9a-f]+ +5 B +"hello"/);
    expect(text).toMatch(/16 B +greeting: &str/);
    expect(text).toMatch(/4 B +n: i32/);
    expect(text).toMatch(/24 B +s: String/);
    expect(text).toMatch(/heap +0x[0-9a-f]+ +5 B +\[u8\]/);
  });
  test('type sizes are rustc\'s', () => {
    const sizes = Object.fromEntries([...out(nb(), 'layout').matchAll(/^(\S.*?) +size +(\d+) +align (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
    expect(sizes).toMatchObject({ String: 24, '&str': 16, 'Box<i32>': 8, 'Option<Box<i32>>': 8, 'Option<i32>': 8, 'Vec<u8>': 24 });
    expect(out(nb(), 'struct-layout')).toContain('Packet: size 8, align 4');
  });
  test('calls cost the allocator nothing; allocating after fragmenting costs a search', () => {
    const text = out(nb(), 'work');
    expect(text).toContain('function calls: 50, free blocks examined by them: 0');
    const after = Number(text.match(/48-byte allocations \(after fragmenting\): 16, blocks examined on average ([\d.]+)/)![1]);
    expect(after).toBeGreaterThan(10);
  });
  test('charts and diagram arrive as SVG', () => {
    expect(svgsOf(get(nb()).cells).length).toBe(2);
  });
});

describe('02 · growth', () => {
  const nb = () => nbNamed('02');
  test('capacity doubles from 4 to 1024 with 8 reallocations; with_capacity allocates once', () => {
    expect(out(nb(), 'vec-grow')).toContain('len 1 -> capacity 4\nlen 5 -> capacity 8\n');
    expect(out(nb(), 'vec-grow')).toContain('len 513 -> capacity 1024\n');
    const rows = out(nb(), 'vec-fixed');
    expect(rows).toMatch(/Vec::new \+ push +1 +8 +1 +0 +0 +4096 +4096/);
    expect(rows).toMatch(/Vec::with_capacity +1 +0 +1 +0 +0 +4000 +4000/);
  });
  test('with neighbours, growth moves the buffer and raises the footprint', () => {
    const rows = out(nb(), 'strings-grow');
    const grow = rows.match(/Vec::new \+ push +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)/)!.slice(1).map(Number);
    const fixed = rows.match(/Vec::with_capacity +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)/)!.slice(1).map(Number);
    expect(grow[3]).toBeGreaterThan(0); // moved
    expect(fixed[1]).toBe(0); // no reallocs
    expect(grow[6]).toBeGreaterThan(fixed[6]); // footprint
  });
  test('a HashMap<u64, u64> grows through capacities 3, 7, 14, 28, 56, 112, each a fresh table allocated before the old one is freed', () => {
    const text = out(nb(), 'map-grow');
    expect([...text.matchAll(/-> capacity (\d+)/g)].map((m) => Number(m[1]))).toEqual([3, 7, 14, 28, 56, 112]);
    const calls = [...text.matchAll(/^(alloc|dealloc|realloc) +(\d+) B/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls.slice(0, 5)).toEqual(['alloc 84', 'alloc 152', 'dealloc 84', 'alloc 288', 'dealloc 152']);
    expect(calls.some((c) => c.startsWith('realloc'))).toBe(false);
  });
  test('String capacities follow std: 8, 16, … 256, then shrink_to_fit', () => {
    expect(out(nb(), 'string-grow')).toContain('capacities: 8 → 16 → 32 → 64 → 128 → 256 → 200');
  });
});

describe('03 · ownership', () => {
  const nb = () => nbNamed('03');
  test('a move allocates nothing, a clone does', () => {
    expect(out(nb(), 'move').match(/alloc/g)).toHaveLength(2);
  });
  test('drops run in reverse order, inner scope first', () => {
    const frees = [...out(nb(), 'drop').matchAll(/free +\d+ B \[u8\] "(\w+)"/g)].map((m) => m[1]);
    expect(frees).toEqual(['ccc', 'bb', 'dddd', 'a']);
  });
  test('Box list and Rc counts', () => {
    expect(out(nb(), 'box')).toContain('sum 6');
    expect(out(nb(), 'box')).toContain('size of List: 16 bytes');
    expect(out(nb(), 'rc')).toContain('count 1\ncount 3 (shared text)\ncount 2\ncount 1 (shared text)\n');
    expect(out(nb(), 'rc')).toContain('heap calls: {"allocs":2,"reallocs":0,"frees":2}');
  });
  test('Drop runs as a call of its own at each scope end, before the fields are freed', () => {
    const text = out(nb(), 'drop-impl');
    expect(text).toContain('inner scope ends\ndropping b\nmain ends\ndropping a\n');
    expect(text).toContain('line 14: call <Noisy as Drop>::drop\n');
    expect(text).toContain('line 16: call <Noisy as Drop>::drop\n');
  });
  test('RefCell: the borrow flag counts readers, is -1 for a writer, and a second writer panics', () => {
    const text = out(nb(), 'refcell');
    expect([...text.matchAll(/borrow flag (-?\d+)/g)].map((m) => Number(m[1]))).toEqual([0, 1, 2, 1, 0, -1]);
    expect(text).toContain('panic: RefCell already borrowed (line 13)');
  });
  test('Box<dyn Shape> is a 16-byte fat pointer; the Vec buffer holds two of them', () => {
    const text = out(nb(), 'dyn');
    expect(text).toContain('Box<dyn Shape>: 16 bytes');
    expect(text).toMatch(/^alloc +32 B$/m);
    expect(text).toContain('line 23: call Square::area\nline 23: call Circle::area');
  });
  test('use after move is E0382, printed as rustc shows it', () => {
    const text = out(nb(), 'error');
    expect(text).toContain('error[E0382]: borrow of moved value: `a`');
    expect(text).toContain(' --> src/main.rs:4:23');
  });
});

describe('04 · stack', () => {
  const nb = () => nbNamed('04');
  test('recursion depth and call counts', () => {
    expect(out(nb(), 'fact')).toContain('10! = 3628800');
    expect(out(nb(), 'fact')).toMatch(/deepest: 12 frames/);
    // fib(12) makes 2·fib(13) − 1 = 465 calls but is never more than 13 frames deep.
    expect(out(nb(), 'fib')).toContain('calls of fib: 465, deepest stack: 13 frames');
  });
  test('a 4 KiB array makes a 4 KiB frame', () => {
    const size = Number(out(nb(), 'frames').match(/buffer +(\d+) B: scratch: \[u8; 4096\] 4096 B/)![1]);
    expect(size).toBeGreaterThanOrEqual(4096);
  });
  test('the overflow happens where the next frame would not fit in 8 MiB', () => {
    const text = out(nb(), 'overflow');
    expect(text).toContain("ended: thread 'main' has overflowed its stack");
    const [, limit, , used] = text.match(/stack limit (\d+) bytes \(8 MiB\): (\d+) frames deep, (\d+) bytes used/)!.map(Number);
    const frame = Number(text.match(/frame of dive: (\d+) bytes/)![1]);
    expect(limit).toBe(8 * 1024 * 1024);
    expect(used).toBeLessThanOrEqual(limit);
    expect(used + frame).toBeGreaterThan(limit);
    expect(out(nb(), 'overflow-small')).toContain("thread 'main' has overflowed its stack");
  });
});

describe('05 · allocators', () => {
  const nb = () => nbNamed('05');
  test("the sort table is what the lab computes in this process", async () => {
    const report = await compare([path.join(root, 'traces', 'sort.mtrace.gz')], {
      policies: ['first-fit', 'best-fit', 'next-fit', 'first-fit-lifo', 'worst-fit', 'segregated', 'tlsf', 'buddy'],
      jobs: 1,
    });
    // Everything but the ops/s column (wall-clock time) must match.
    const noSpeed = (table: string) => table.split('\n').map((l) => l.replace(/\s+\S+$/, ''));
    const text = out(nb(), 'table');
    const printed = text.slice(text.indexOf('policy'), text.indexOf('\n\n'));
    expect(noSpeed(printed)).toEqual(noSpeed(formatTable(report.results)));
  });
  test('the verdict follows from the printed rankings', () => {
    const text = out(nb(), 'verdict');
    const rankings = [...text.matchAll(/^(\S+) #(\d): (.+)$/gm)].filter((m) => m[3].includes('%'));
    expect(rankings.map((m) => `${m[1]} #${m[2]}`)).toEqual(['sort #4', 'sort #3', 'cc1-gun #4', 'cc1-gun #3']);
    for (const [, trace, measure, list] of rankings) {
      const order = list.split(', ').map((e) => e.split(' ')[0]);
      const percents = list.split(', ').map((e) => Number(e.split(' ')[1].replace('%', '')));
      expect([...percents].sort((a, b) => a - b)).toEqual(percents);
      const place = (p: string) => order.indexOf(p) + 1;
      const reproduced = place('first-fit') <= order.length / 2 && place('best-fit') <= order.length / 2 && place('buddy') === order.length;
      const verdict = text.match(new RegExp(`^${trace} #${measure}: first-fit (\\d), best-fit (\\d), buddy (\\d) of 8 → (.*)$`, 'm'))!;
      expect(verdict.slice(1, 4).map(Number)).toEqual([place('first-fit'), place('best-fit'), place('buddy')]);
      expect(verdict[4].startsWith('reproduced')).toBe(reproduced);
    }
  });
  test('progress ended in one updated line, and the comparison charts are SVG', () => {
    const replay = get(nb()).cells.find((c) => c.id === 'replay')!;
    const texts = (replay.outputs ?? []).map((o) => joined(o.data?.['text/plain']));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^replayed 16 \(trace, policy\) pairs, [\d,]+ events in all, in [\d.]+ s$/);
    expect(svgsOf(get(nb()).cells)).toHaveLength(4);
  });
});

describe('06 · trace your program', () => {
  const nb = () => nbNamed('06');
  test('the C program is captured with mtrace and reads clean', () => {
    expect(out(nb(), 'c-build')).toContain('./words prints: 2000 words, 133000 bytes of text');
    expect(out(nb(), 'c-capture')).toMatch(/^= Start\n@ .*words:\[0x[0-9a-f]+\] \+ 0x[0-9a-f]+ 0x[0-9a-f]+$/m);
    expect(out(nb(), 'c-summary')).toContain('words.mtrace.gz: 6013 events — 3002 malloc, 9 realloc, 3002 free');
    expect(out(nb(), 'c-summary')).toContain('problems: 0');
  });
  test('the Rust program is traced by memscope-trace and reads clean', () => {
    expect(out(nb(), 'rust-build')).toContain('wordcount prints: 10 distinct words; most frequent: ("the", 900)');
    expect(out(nb(), 'rust-build')).toContain('#memscope-trace v1\n{"op":"alloc"');
    expect(out(nb(), 'rust-summary')).toMatch(/wordcount\.jsonl: \d+ events — \d+ alloc, \d+ realloc, \d+ free/);
    expect(out(nb(), 'rust-summary')).toContain('problems: 0');
  });
  test('both traces are replayed on four policies, with charts', () => {
    const text = out(nb(), 'replay');
    for (const p of ['first-fit', 'best-fit', 'tlsf', 'buddy']) expect(text.match(new RegExp(`^${p} `, 'gm'))).toHaveLength(2);
    expect(svgsOf(get(nb()).cells)).toHaveLength(3);
    expect(out(nb(), 'cleanup')).toBe('temporary files removed\n');
  });
});

describe('07 · a study across the shipped traces', () => {
  const nb = () => nbNamed('07');
  test('runs 24 cells, then a rerun runs none', () => {
    expect(out(nb(), 'grid')).toContain('4 traces × 3 policies × 2 headers = 24 cells');
    expect(out(nb(), 'run')).toContain('24 cells run, 0 already stored; 24 rows');
    expect(out(nb(), 'run')).toMatch(/results\.parquet +[\d.]+ KiB/);
    expect(out(nb(), 'rerun')).toMatch(/^second run: 0 cells run, 24 already stored/);
  });
  test('the table read from Parquet has every trace and policy, the ranking is computed', () => {
    const rows = out(nb(), 'table').trim().split('\n').slice(1);
    expect(rows).toHaveLength(12);
    for (const t of ['cc1-gun', 'perl-pod2text', 'python-tokenize', 'sort']) expect(rows.filter((r) => r.startsWith(t))).toHaveLength(3);
    const ranking = out(nb(), 'ranking');
    expect(ranking.match(/header +(0|16): /g)).toHaveLength(8);
    expect(ranking).toContain('first fit and best fit fragment less than buddy on every trace and setting');
  });
  test('charts from the Parquet rows, the compiler\'s allocation sites and its address maps', () => {
    const sites = out(nb(), 'sites');
    expect(sites).toContain('5899 blocks (2.36 MiB) live at exit');
    expect(sites).toMatch(/^xmalloc +48895 calls/m);
    // The address maps: the buddy system fills about half the share of its (twice larger) heap that first and best fit fill.
    const maps = out(nb(), 'maps');
    const share = (policy: string) => Number(maps.match(new RegExp(`^${policy} +footprint +[\\d.]+ MiB, (\\d+) % of it filled`, 'm'))![1]);
    expect(maps).toMatch(/^buddy +footprint +16\.00 MiB/m);
    expect(share('first-fit')).toBeGreaterThan(1.5 * share('buddy'));
    expect(share('best-fit')).toBeGreaterThan(1.5 * share('buddy'));
    expect(svgsOf(get(nb()).cells)).toHaveLength(5);
  });
});

describe('handouts in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  const offMachine: string[] = [];

  beforeAll(async () => {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1000, height: 800 },
    });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'file:' || url.protocol === 'data:') return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test.each(notebooks)('%s shows every chart, with no request leaving the machine', async (nb) => {
    const { cells } = get(nb);
    const page = await context.newPage();
    try {
      await page.goto(`file://${path.join(outDir, nb.replace(/\.ipynb$/, '.html'))}`, { waitUntil: 'load' });
      // Every SVG output became an image that decoded (its natural width is the chart's).
      const widths = await page.locator('.jp-RenderedSVG img').evaluateAll((imgs) =>
        imgs.map((img) => {
          const image = img as unknown as { complete: boolean; naturalWidth: number };
          return image.complete ? image.naturalWidth : 0;
        }));
      expect(widths).toHaveLength(svgsOf(cells).length);
      for (const w of widths) expect(w).toBeGreaterThan(100);
      await expect(page.locator('h1').first().textContent()).resolves.toMatch(/^0\d · /);
      // The live state: every memscope output mounted by the shared runtime (step control and diagram).
      await page.waitForFunction(() => document.documentElement.dataset.memscope === 'ready', null, { timeout: 60_000 });
      const outputs = await page.locator('.memscope-handout').count();
      await expect(page.locator('.memscope-handout.memscope-handout-live').count()).resolves.toBe(outputs);
      await expect(page.locator('.memscope-handout .memscope-slider').count()).resolves.toBe(outputs);
      fs.mkdirSync(screens, { recursive: true });
      await page.screenshot({ path: path.join(screens, nb.replace(/\.ipynb$/, '-live.png')), fullPage: true });
    } finally {
      await page.close();
    }
    expect(offMachine).toEqual([]);
  }, 120_000);

  test.each(notebooks)('%s with scripts off shows its static SVGs', async (nb) => {
    get(nb);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    await off.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'file:' || url.protocol === 'data:') return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    try {
      const page = await off.newPage();
      await page.goto(`file://${path.join(outDir, nb.replace(/\.ipynb$/, '.html'))}`, { waitUntil: 'load' });
      const visible = await page.locator('.jp-RenderedSVG img').evaluateAll((imgs) => imgs.map((img) => img.getBoundingClientRect().width));
      for (const w of visible) expect(w).toBeGreaterThan(100);
      await expect(page.locator('.memscope-live').count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(screens, nb.replace(/\.ipynb$/, '.png')), fullPage: true });
    } finally {
      await browser.close();
    }
    expect(offMachine).toEqual([]);
  }, 120_000);
});
