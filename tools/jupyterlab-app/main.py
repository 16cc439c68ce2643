#!/usr/bin/python3
"""Serves tools/jupyterlab-app's JupyterLab front end with Debian's jupyter-server and jupyterlab-server.

    /usr/bin/python3 tools/jupyterlab-app/main.py [--port 8888] [--ServerApp.* options]

Notebooks from <checkout>/notebooks, the memscope-ts kernel and memscope's prebuilt extension
(labextension/memscope) from this checkout; Jupyter's state (kernelspec, runtime, config) in
<checkout>/.cache/jupyter, as scripts/handouts.sh keeps it. A LabServerApp, as JupyterLab's own
examples/app does it.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JUPYTER = os.path.join(ROOT, ".cache", "jupyter")
os.environ.setdefault("JUPYTER_DATA_DIR", JUPYTER)
os.environ.setdefault("JUPYTER_PATH", JUPYTER)
os.environ.setdefault("JUPYTER_CONFIG_DIR", os.path.join(JUPYTER, "config"))
os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(JUPYTER, "runtime"))
# No configuration files from the user's Jupyter take part.
os.environ["JUPYTER_NO_CONFIG"] = "1"

from jupyterlab_server import LabServerApp  # noqa: E402  (after the environment is set)

BUILD = os.path.join(HERE, "build")
STATE = os.path.join(ROOT, ".cache", "lab-app")

LABEXTENSIONS = os.path.join(STATE, "labextensions")


def link_memscope_extension():
    """labextensions/memscope -> the built extension (package.json jupyterlab.outputDir), as an install would place it."""
    with open(os.path.join(ROOT, "package.json")) as f:
        pkg = json.load(f)
    built = os.path.join(ROOT, pkg["jupyterlab"]["outputDir"])
    if not os.path.exists(os.path.join(built, "package.json")):
        sys.exit(f"lab: {built} has no built extension: run `npm run build:labextension` (npm run jupyterlab does)")
    link = os.path.join(LABEXTENSIONS, pkg["name"])
    os.makedirs(LABEXTENSIONS, exist_ok=True)
    if os.path.islink(link) or os.path.exists(link):
        os.remove(link)
    os.symlink(built, link)


class MemscopeLab(LabServerApp):
    # jupyter_server finds the app through this module's _jupyter_server_extension_points.
    name = __name__
    app_name = "memscope lab"
    app_version = "4.6.3"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    static_dir = BUILD
    templates_dir = os.path.join(HERE, "templates")
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    app_settings_dir = os.path.join(BUILD, "application_settings")
    user_settings_dir = os.path.join(STATE, "user_settings")
    workspaces_dir = os.path.join(STATE, "workspaces")
    labextensions_path = [LABEXTENSIONS]


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": MemscopeLab}]


if __name__ == "__main__":
    if not os.path.exists(os.path.join(BUILD, "bundle.js")):
        sys.exit("lab: tools/jupyterlab-app/build is missing: run `node tools/jupyterlab-app/build.js` (npm run jupyterlab does)")
    link_memscope_extension()
    if not any(a.startswith("--ServerApp.root_dir") for a in sys.argv[1:]):
        sys.argv.insert(1, f"--ServerApp.root_dir={os.path.join(ROOT, 'notebooks')}")
    sys.argv.insert(1, "--ServerApp.open_browser=False")
    if os.geteuid() == 0:
        # Containers and CI run as root; jupyter_server refuses that unless told.
        sys.argv.insert(1, "--ServerApp.allow_root=True")
    MemscopeLab.launch_instance()
