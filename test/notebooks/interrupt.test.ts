/**
 * Interrupting a running cell of the real memscope-ts kernel (tslab 1.0.22), the way JupyterLab's
 * "Interrupt the kernel" does it: Debian's jupyter_client `KernelManager.interrupt_kernel()`, which
 * for our kernelspec (`interrupt_mode: signal`) sends SIGINT to the kernel process.
 *
 * What tslab does with SIGINT (node_modules/tslab/dist/executor.js, main.js):
 * - a cell's code runs through `vm.runInThisContext(..., { breakOnSigint: true })`, so everything
 *   up to the cell's first `await` is stopped by the signal where it stands (the error
 *   "Script execution was interrupted by `SIGINT`"), and the kernel keeps its state;
 * - a cell with top-level await is awaited in a race with a promise that its `process.on('SIGINT')`
 *   handler rejects ("Interrupted asynchronously"): the cell ends, but only when the event loop
 *   gets to the handler, and nothing stops the work it abandoned — code after an `await` that
 *   never yields runs to its end, and work on worker threads goes on in the background unless it
 *   takes the AbortSignal of the kernel's `interruptible` (the lab's compare and runRust do);
 * - an interrupted (or failed) cell's declarations and imports are not kept, and tslab aborts
 *   execute requests that arrive within 200 ms of a failed cell (so Run All stops there).
 *
 * Each case below shows one of these with the real kernel and the real memscope work.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureDistBuilt } from '../helpers/dist';
import { checkoutJupyter, jupyterEnv } from '../helpers/jupyter';

const root = path.resolve(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
const JUPYTER = '/usr/bin/jupyter';

/** One cell to run; `interruptAfterMs` sends SIGINT through the kernel manager that long after the execute_request. */
interface CellStep {
  code: string;
  interruptAfterMs?: number;
}

interface CellResult {
  status: string;
  stdout: string;
  stderr: string;
  /** MIME types of each display_data the cell sent. */
  displays: string[][];
  elapsedMs: number;
  /** From the SIGINT until the kernel was idle again (null when not interrupted). */
  afterInterruptMs: number | null;
}

/**
 * Runs the cells in order in ONE kernel with jupyter_client and prints one JSON line of results.
 * Kept here rather than in a script of its own: it is this test's instrument.
 */
const DRIVER = String.raw`
import json, os, sys, time
from jupyter_client.manager import KernelManager

steps = json.load(sys.stdin)
km = KernelManager(kernel_name="memscope-ts")
km.start_kernel(cwd=sys.argv[1])
kc = km.client()
kc.start_channels()
results = []
try:
    kc.wait_for_ready(timeout=180)
    for step in steps:
        start = time.perf_counter()
        msg_id = kc.execute(step["code"])
        interrupt_at = step.get("interruptAfterMs")
        interrupted = None
        res = {"status": None, "stdout": "", "stderr": "", "displays": []}
        while True:
            now = time.perf_counter()
            if interrupt_at is not None and interrupted is None and (now - start) * 1000 >= interrupt_at:
                km.interrupt_kernel()
                interrupted = time.perf_counter()
            if now - start > 170:
                raise RuntimeError("cell still busy after 170 s: " + step["code"][:200])
            try:
                msg = kc.get_iopub_msg(timeout=0.02)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                res[content["name"]] += content["text"]
            elif kind == "error":
                res["stderr"] += content["ename"] + ": " + content["evalue"] + "\n"
            elif kind == "display_data":
                res["displays"].append(sorted(content["data"]))
            elif kind == "status" and content["execution_state"] == "idle":
                break
        end = time.perf_counter()
        while True:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        res["status"] = reply["content"]["status"]
        res["elapsedMs"] = (end - start) * 1000
        res["afterInterruptMs"] = None if interrupted is None else (end - interrupted) * 1000
        results.append(res)
        if res["status"] != "ok":
            # tslab aborts every execute_request that reaches it within 200 ms of a failed cell
            # (its stop-on-error, tslab issue #19), as "Run All" expects; a person running the
            # next cell by hand comes later than that.
            time.sleep(0.5)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps(results))
`;

/** The checkout's .cache/jupyter, where `memscope kernel install --user` below puts the kernelspec. */
const jupyter = () => jupyterEnv(checkoutJupyter());

function runCells(steps: CellStep[]): CellResult[] {
  const driver = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-interrupt-')), 'driver.py');
  fs.writeFileSync(driver, DRIVER);
  const run = spawnSync(PYTHON, [driver, path.join(root, 'notebooks')], {
    cwd: root, env: jupyter(), input: JSON.stringify(steps), encoding: 'utf8', timeout: 400_000,
  });
  fs.rmSync(path.dirname(driver), { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`kernel driver exited ${run.status}:\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]') as CellResult[];
}

const MEMSCOPE_MIME = 'application/vnd.memscope.v1+json';
const SIGINT_STOPPED = 'Script execution was interrupted by `SIGINT`';
const ABANDONED = 'Interrupted asynchronously';

/** A Vec<u64> pushed n times through the engine's notebook API (about one step per push). */
const vecProgram = (n: number) =>
  `memscope.rustProgram(rs => rs.main(() => { const v = rs.let_mut("v", rs.Vec.new("u64")); for (let i = 0; i < ${n}; i++) v.push(rs.u64(i)); }))`;

const cells: Record<string, CellStep> = {
  state: { code: 'const kept = 41;\nkept' },
  busyLoop: { code: 'let n = 0;\nconst end = Date.now() + 60_000;\nwhile (Date.now() < end) n++;\nn', interruptAfterMs: 1500 },
  stateAfter: { code: 'kept + 1' },
  // The imports in a cell of their own (as replaySetup below): on a loaded machine, loading
  // memscope can outlast the delay, and a SIGINT inside a require leaves a half-initialised
  // module in Node's cache for every later cell.
  longRunSetup: { code: 'import * as memscope from "memscope";\nimport { show } from "memscope/kernel";\ntypeof memscope.rustProgram + " " + typeof show' },
  // ~3·10^6 steps would take tens of seconds here: the run happens before the cell's first await.
  longRun: {
    code: `const long = ${vecProgram(3_000_000)};\nawait show(long);`,
    interruptAfterMs: 1500,
  },
  longRunGone: { code: 'long.length' },
  // An interrupted cell's declarations (here its imports) are not kept: tslab keeps a cell's
  // declarations only when it completes, so the next cell imports again.
  shortRun: { code: `import * as memscope from "memscope";\nimport { show } from "memscope/kernel";\nconst short = ${vecProgram(100)};\nconsole.log("steps", short.length);\nawait show(short);` },
  loopAfterAwait: {
    code: 'await new Promise((r) => setTimeout(r, 10));\nlet m = 0;\nconst end2 = Date.now() + 5000;\nwhile (Date.now() < end2) m++;\n"loop finished"',
    interruptAfterMs: 1000,
  },
  // The allocator lab on two real traces, four policies (two of them the O(n) naive twins, the
  // ones a user most needs to stop), two worker threads (~13 s uninterrupted on an idle machine;
  // the fast policies alone now finish in about 1 s, before the interrupt), run through the
  // kernel's `interruptible`, so the interrupt also stops
  // the workers; the promise and a progress counter are kept where the next cell sees them.
  // Imports in a cell of their own: the interrupted cell then compiles at once, and the signal
  // reaches it while it runs (a signal during tslab's compile of a cell is lost to the cell).
  replaySetup: {
    code: [
      'import * as path from "path";',
      'import { compare } from "memscope/alloc-lab";',
      'import { interruptible } from "memscope/kernel";',
      'const g = globalThis as any;',
      'g.progressEvents = 0;',
      'g.start = () => interruptible((signal) => compare(["perl-pod2text", "python-tokenize"].map((t) => path.resolve("../traces", t + ".mtrace.gz")),',
      '  { policies: ["first-fit-naive", "best-fit-naive", "worst-fit", "buddy"], jobs: 2, signal, onProgress: () => { g.progressEvents++; } }));',
    ].join('\n'),
  },
  replay: {
    code: 'const g2 = globalThis as any;\ng2.replay = g2.start();\nawait g2.replay;',
    interruptAfterMs: 1500,
  },
  replayAfter: {
    code: [
      'const h = globalThis as any;',
      'let outcome = "finished";',
      'try { await h.replay; } catch (e) { outcome = "stopped: " + (e as Error).message; }',
      'const seenAtInterrupt = h.progressEvents;',
      'await new Promise((r) => setTimeout(r, 2000));',
      'console.log(JSON.stringify({ outcome, seenAtInterrupt, seenLater: h.progressEvents }));',
    ].join('\n'),
  },
  // The Rust interpreter runs on a worker thread: 4,000 walks over a 200,000-char String, ~30 s
  // on an idle 2-core machine (7 ms a walk since chars() stopped making an encoder per char; 40
  // walks took 8 s before) but few events (2·10^6 pushes take 1 s, before the interrupt, and more
  // would meet the memory limit first), run through the kernel's `interruptible` (imported in a
  // cell of its own, so the interrupted cell compiles at once).
  rustSetup: {
    code: 'import { runRust } from "memscope";\nimport { interruptible } from "memscope/kernel";\nconst rr = globalThis as any;\nrr.startRust = () => interruptible((signal) => runRust(`fn main() { let s = "ab".repeat(100000); let mut total = 0; for _ in 0..4000 { total += s.chars().count(); } println!("{}", total); }`, { maxSteps: 100_000_000, signal }));',
  },
  rustRun: {
    // (tslab 1.0.22 misses the top-level await in `await (x as any).y`, hence the local.)
    code: 'const r = globalThis as any;\nr.rustRun = r.startRust();\nawait r.rustRun;',
    interruptAfterMs: 1500,
  },
  // The interrupt ended the interpreter's worker: a new run starts a fresh one at once.
  rustNext: { code: 'import { runRust } from "memscope";\nconst t0 = Date.now();\nconst tiny = await runRust(`fn main() { let x: i32 = 1; }`);\nconsole.log("waited", Date.now() - t0, "steps", tiny.timeline.length);' },
  rustAfter: { code: 'const q = globalThis as any;\nlet outcome = "finished";\ntry { await q.rustRun; } catch (e) { outcome = "stopped: " + (e as Error).message; }\nconsole.log(outcome);' },
};

describe('interrupting the memscope-ts kernel (SIGINT via jupyter_client)', () => {
  const order = Object.keys(cells);
  const byName: Record<string, CellResult> = {};

  beforeAll(() => {
    for (const f of [PYTHON, JUPYTER]) {
      if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/install-deps.sh for Debian's Jupyter first`);
    }
    ensureDistBuilt();
    execFileSync(process.execPath, [path.join(root, 'bin', 'memscope.js'), 'kernel', 'install', '--user', '--jupyter', JUPYTER], { cwd: root, env: jupyter(), stdio: 'pipe' });
    const results = runCells(order.map((k) => cells[k]));
    // What each cell did, for reading when a case fails.
    const out = path.join(root, 'test-output', 'notebooks');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'interrupt-cells.json'), JSON.stringify(order.map((k, i) => ({ cell: k, code: cells[k].code, ...results[i] })), null, 1));
    order.forEach((k, i) => { byName[k] = results[i]; });
  }, 420_000);

  test('a synchronous busy loop is stopped within a second and the kernel keeps its state', () => {
    const r = byName.busyLoop;
    expect(r.status).toBe('error');
    expect(r.stderr).toContain(SIGINT_STOPPED);
    expect(r.afterInterruptMs).toBeLessThan(1000);
    expect(byName.state.stdout.trim()).toBe('41');
    expect(byName.stateAfter).toMatchObject({ status: 'ok', stdout: '42\n' });
  });

  test('a long memscope run before the first await is stopped, shows nothing, and the next experiment displays', () => {
    expect(byName.longRunSetup.status).toBe('ok');
    expect(byName.longRunSetup.stdout).toMatch(/function function/);
    const r = byName.longRun;
    expect(r.status).toBe('error');
    expect(r.stderr).toContain(SIGINT_STOPPED);
    expect(r.afterInterruptMs).toBeLessThan(1000);
    expect(r.displays).toEqual([]);
    // Its declarations are gone with it (tslab keeps them only from cells that complete).
    expect(byName.longRunGone.status).toBe('error');
    expect(byName.longRunGone.stderr).toContain("Cannot find name 'long'");
    const next = byName.shortRun;
    expect(next.status).toBe('ok');
    expect(next.stdout).toMatch(/^steps \d+$/m);
    expect(next.displays).toHaveLength(1);
    expect(next.displays[0]).toContain(MEMSCOPE_MIME);
  });

  test('code after an await that never yields is not interrupted: it runs to its end', () => {
    const r = byName.loopAfterAwait;
    expect(r.status).toBe('ok');
    expect(r.stdout).toContain('loop finished');
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(r.afterInterruptMs).toBeGreaterThan(3500);
  });

  test('a lab replay on worker threads run through interruptible: the interrupt ends the cell and stops the workers', () => {
    const r = byName.replay;
    expect(r.status).toBe('error');
    expect(r.stderr).toContain(ABANDONED);
    expect(r.afterInterruptMs).toBeLessThan(1000);
    const after = byName.replayAfter;
    expect(after.status).toBe('ok');
    const seen = JSON.parse(after.stdout.trim()) as { outcome: string; seenAtInterrupt: number; seenLater: number };
    expect(seen.outcome).toBe('stopped: interrupted by the kernel (SIGINT)');
    // The workers are gone: no progress arrives after the interrupt.
    expect(seen.seenLater).toBe(seen.seenAtInterrupt);
  });

  test('runRust through interruptible: the interrupt ends the cell and the interpreter; the next run starts at once', () => {
    const r = byName.rustRun;
    expect(r.status).toBe('error');
    expect(r.stderr).toContain(ABANDONED);
    expect(r.afterInterruptMs).toBeLessThan(1000);
    const next = byName.rustNext;
    expect(next.status).toBe('ok');
    // A program of a few steps on a fresh worker: no wait behind the stopped run.
    expect(Number(/^waited (\d+) steps/m.exec(next.stdout)?.[1])).toBeLessThan(2000);
    const after = byName.rustAfter;
    expect(after.status).toBe('ok');
    expect(after.stdout.trim()).toBe('stopped: interrupted by the kernel (SIGINT)');
  });
});
