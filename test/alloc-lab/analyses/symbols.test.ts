/**
 * Naming bare-address sites from the binary: a small C program whose allocating function is
 * static (not in the dynamic symbol table, so glibc's mtrace writes `./prog:[0x…]` without a
 * name) is compiled with cc, traced with tools/capture-mtrace.sh, and the analyses look its
 * address up with binutils' nm. A module that cannot be found is left unnamed, with a note.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseTrace } from '../../../src/alloc-lab/analyses/analyse';

const root = path.resolve(__dirname, '..', '..', '..');

describe('symbolisation with nm', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-symbols-'));
    fs.writeFileSync(path.join(dir, 'prog.c'), `#include <stdlib.h>
#include <string.h>
static __attribute__((noinline)) char *make_buffer(size_t n) { char *p = malloc(n); memset(p, 1, n); return p; }
int main(void) { char *keep = 0; for (int i = 0; i < 10; i++) { char *b = make_buffer(100 + i); if (i == 9) keep = b; else free(b); } return keep[0] - 1; }
`);
    execFileSync('cc', ['-O1', '-o', 'prog', 'prog.c'], { cwd: dir });
    execFileSync('bash', [path.join(root, 'tools', 'capture-mtrace.sh'), path.join(dir, 'prog.mtrace.gz'), '--', './prog'], { cwd: dir, stdio: 'pipe' });
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a static function the trace left as an address', async () => {
    const file = path.join(dir, 'prog.mtrace.gz');
    const plain = await analyseTrace(file, 'prog');
    const site = plain.sites.rows.find((r) => r.allocations === 10)!;
    expect(site.site).toMatch(/^\.\/prog:\[0x[0-9a-f]+\]$/);
    expect(site.symbol).toBeNull();

    const named = await analyseTrace(file, 'prog', { symbols: { binaries: { './prog': path.join(dir, 'prog') } } });
    const row = named.sites.rows.find((r) => r.site === site.site)!;
    expect(row).toMatchObject({ symbol: 'make_buffer', symbolSource: 'nm', allocations: 10, leakedBlocks: 1, leakedBytes: 109 });
    expect(named.leaks.bySite[0]).toMatchObject({ symbol: 'make_buffer', blocks: 1, bytes: 109 });
    expect(named.symbols!.resolved).toBeGreaterThanOrEqual(1);
  });

  it('leaves sites unnamed when the binary is not at hand, and says so', async () => {
    const named = await analyseTrace(path.join(dir, 'prog.mtrace.gz'), 'prog', { symbols: true });
    // Run from the repository root, './prog' is not there.
    const note = named.symbols!.modules.find((m) => m.module === './prog')!;
    expect(note).toMatchObject({ path: null, symbols: 0 });
    expect(note.note).toMatch(/binary not found/);
    expect(named.sites.rows.find((r) => r.allocations === 10)!.symbol).toBeNull();
  });
});
