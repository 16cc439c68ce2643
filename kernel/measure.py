#!/usr/bin/python3
"""Times the memscope-ts kernel with Jupyter's own client and prints the figures as one JSON line.

    /usr/bin/python3 kernel/measure.py [--starts 3] [--cells 20] [--shows 5]

Uses the kernelspec that `npm run handouts` installs into <checkout>/.cache/jupyter (run that,
or `JUPYTER_DATA_DIR=.cache/jupyter node bin/memscope.js kernel install`, first). Figures, in ms:
  ready       start_kernel until the kernel answers kernel_info (tslab builds its TypeScript
              program before it listens, so this is most of a notebook's fixed cost)
  first_cell  the first `1 + 1` (compiler warm-up)
  import      `import * as memscope from "memscope"` (loads dist/ and type-checks against it)
  cell_median, cell_p90   a trivial cell, after warm-up
  show_first, show_median, show_steps
              a typical experiment cell: a ~10^4-step `rustProgram` run and `await show(t)`, timed
              from execute_request until its display_data (the memscope MIME type) arrives on
              IOPub; first = the first such cell of a kernel (loads the views, vega), median =
              over --shows cells after it; steps = the timeline's length (the cell prints it)
  rust_first, rust_median, rust_steps
              the same with a Rust snippet run by `runRust` (the interpreter on its worker thread)
Each is the median over the starts. A bench suite can spawn this and parse the line.
"""
import argparse
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUPYTER = os.path.join(ROOT, ".cache", "jupyter")
os.environ.setdefault("JUPYTER_DATA_DIR", JUPYTER)
os.environ.setdefault("JUPYTER_PATH", JUPYTER)
os.environ.setdefault("JUPYTER_CONFIG_DIR", os.path.join(JUPYTER, "config"))
os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(JUPYTER, "runtime"))

from jupyter_client.manager import KernelManager  # noqa: E402  (after the environment is set)


def run_cell(client, code):
    """Seconds from execute_request until the kernel is idle again; raises on a failed cell."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = client.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"cell failed: {code!r}")
    return time.perf_counter() - start


MEMSCOPE_MIME = "application/vnd.memscope.v1+json"

# A typical experiment cell: ~10^4 steps (a Vec<u64> growing to 9950 elements; the cell prints
# t.length so the figure says what it measured), shown with the kernel display helper.
SHOW_CELL = """import * as memscope from "memscope";
import { show } from "memscope/kernel";
const t = memscope.rustProgram(rs => rs.main(() => {
  const v = rs.let_mut("v", rs.Vec.new("u64"));
  for (let i = 0; i < 9950; i++) v.push(rs.u64(i));
}));
console.log("steps", t.length);
await show(t);"""

# The same experiment as Rust source through the interpreter (about three steps per iteration).
RUST_CELL = """import { runRust } from "memscope";
import { show } from "memscope/kernel";
const r = await runRust(`fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..3300u64 { v.push(i); }
}`);
console.log("steps", r.timeline.length);
await show(r.timeline);"""


def run_until_display(client, code):
    """(seconds from execute_request to the memscope display_data, steps printed) once the cell is done."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    shown = None
    stdout = ""
    errors = []
    while True:
        msg = client.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "display_data" and MEMSCOPE_MIME in content["data"] and shown is None:
            shown = time.perf_counter() - start
        elif kind == "stream" and content["name"] == "stdout":
            stdout += content["text"]
        elif kind == "stream" or kind == "error":
            errors.append(content.get("text") or "\n".join(content.get("traceback", [])))
        elif kind == "status" and content["execution_state"] == "idle":
            break
    if shown is None:
        raise RuntimeError(f"no {MEMSCOPE_MIME} output; stderr: {''.join(errors)[:2000]}")
    steps = [int(line.split()[1]) for line in stdout.splitlines() if line.startswith("steps ")]
    return shown, (steps[0] if steps else -1)


def one_start(cells, shows=0):
    manager = KernelManager(kernel_name="memscope-ts")
    start = time.perf_counter()
    manager.start_kernel(cwd=os.path.join(ROOT, "notebooks"))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        ready = time.perf_counter() - start
        first = run_cell(client, "1 + 1")
        imported = run_cell(client, 'import * as memscope from "memscope";\nObject.keys(memscope).length')
        times = sorted(run_cell(client, f"{i} + 1") for i in range(cells))
        figures = {
            "ready": ready,
            "first_cell": first,
            "import": imported,
            "cell_median": statistics.median(times),
            "cell_p90": times[int(0.9 * (len(times) - 1))],
        }
        for name, code in (("show", SHOW_CELL), ("rust", RUST_CELL)) if shows > 0 else ():
            first_shown, steps = run_until_display(client, code)
            later = [run_until_display(client, code)[0] for _ in range(shows)]
            figures[f"{name}_first"] = first_shown
            figures[f"{name}_median"] = statistics.median(later)
            figures[f"{name}_steps"] = steps
        return figures
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--cells", type=int, default=20)
    parser.add_argument("--shows", type=int, default=0, help="experiment cells per start after the first (0: skip)")
    args = parser.parse_args(argv)
    runs = [one_start(args.cells, args.shows) for _ in range(args.starts)]
    # Seconds become ms; step counts stay counts.
    figures = {
        k: (int(statistics.median(r[k] for r in runs)) if k.endswith("_steps")
            else round(statistics.median(r[k] for r in runs) * 1000, 1))
        for k in runs[0]
    }
    figures["load_avg_1m"] = os.getloadavg()[0]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
