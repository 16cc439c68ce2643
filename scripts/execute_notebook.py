#!/usr/bin/python3
"""Execute one notebook top to bottom with Jupyter's own client (nbclient, what
`jupyter nbconvert --execute` runs) and stop at the first cell that fails.

    /usr/bin/python3 scripts/execute_notebook.py IN.ipynb OUT.ipynb [--kernel NAME] [--timeout S]

Why not the nbconvert command line: tslab answers a failed cell with status "error" but no
ename, evalue or traceback; its TypeScript diagnostics and stack traces go to the cell's stderr.
nbconvert then reports only "<Error>:". Here the failure names the notebook, the cell and the
cell's own stderr (tslab's "line:column - message"), and the partly executed notebook is kept
as OUT with .failed.ipynb for a look. tslab also sends no execute_input, so nbclient leaves
execution counts empty; they are taken from the kernel's execute_reply instead.

Exit status: 0 ok, 1 a cell failed / timed out / the kernel died, 2 bad arguments or input.
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def cell_text(output):
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def describe_failure(path, nb, index):
    cell = nb.cells[index]
    number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
    lines = [f"{path}: code cell {number} (id '{cell.get('id', '?')}', cell #{index + 1} of the notebook) failed"]
    details = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream" and output.get("name") == "stderr":
            details.append(cell_text(output))
        elif output.output_type == "error":
            details.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
            details.extend(output.get("traceback", []))
    detail = "".join(details).strip() or "(the kernel reported an error without a message)"
    lines.append("  positions are line:column within the cell")
    lines.extend("  | " + line for line in detail.splitlines())
    lines.append("  cell source:")
    lines.extend(f"  {n:>4} | {line}" for n, line in enumerate(cell.source.splitlines(), start=1))
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("dest")
    parser.add_argument("--kernel", default="memscope-ts")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    parser.add_argument("--startup-timeout", type=int, default=60)
    args = parser.parse_args(argv)

    try:
        nb = nbformat.read(args.source, as_version=4)
    except Exception as err:  # nbformat raises several unrelated types for bad files
        print(f"{args.source}: not a readable notebook: {err}", file=sys.stderr)
        return 2

    failed = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        count = execute_reply.get("content", {}).get("execution_count")
        if cell.get("execution_count") is None and isinstance(count, int):
            cell["execution_count"] = count

    def on_cell_error(cell, cell_index, execute_reply):
        failed["index"] = cell_index

    def on_cell_start(cell, cell_index):
        failed["running"] = cell_index

    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=False,
        # The kernel starts in the notebook's directory, so relative imports in cells work.
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.source))}},
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
        on_cell_error=on_cell_error,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        base, _ = os.path.splitext(args.dest)
        nbformat.write(nb, base + ".failed.ipynb")
        index = failed.get("index", failed.get("running"))
        if isinstance(err, CellTimeoutError):
            print(f"{args.source}: a cell ran longer than {args.timeout} s", file=sys.stderr)
        elif isinstance(err, DeadKernelError):
            print(f"{args.source}: the kernel died", file=sys.stderr)
        if index is not None:
            print(describe_failure(args.source, nb, index), file=sys.stderr)
        else:
            print(f"{args.source}: {err}", file=sys.stderr)
        return 1
    nbformat.write(nb, args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
