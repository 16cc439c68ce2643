#!/usr/bin/python3
"""Times the memscope-ts kernel with Jupyter's own client and prints the figures as one JSON line.

    /usr/bin/python3 kernel/measure.py [--starts 3] [--cells 20]

Uses the kernelspec that `npm run handouts` installs into <checkout>/.cache/jupyter (run that,
or `JUPYTER_DATA_DIR=.cache/jupyter node bin/memscope.js kernel install`, first). Figures, in ms:
  ready       start_kernel until the kernel answers kernel_info (tslab builds its TypeScript
              program before it listens, so this is most of a notebook's fixed cost)
  first_cell  the first `1 + 1` (compiler warm-up)
  import      `import * as memscope from "memscope"` (loads dist/ and type-checks against it)
  cell_median, cell_p90   a trivial cell, after warm-up
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


def one_start(cells):
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
        return {
            "ready": ready,
            "first_cell": first,
            "import": imported,
            "cell_median": statistics.median(times),
            "cell_p90": times[int(0.9 * (len(times) - 1))],
        }
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--cells", type=int, default=20)
    args = parser.parse_args(argv)
    runs = [one_start(args.cells) for _ in range(args.starts)]
    figures = {k: round(statistics.median(r[k] for r in runs) * 1000, 1) for k in runs[0]}
    figures["load_avg_1m"] = os.getloadavg()[0]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
