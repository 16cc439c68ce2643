import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Where Jupyter looks for kernelspecs (JUPYTER_PATH) and keeps its own files. */
export interface JupyterDirs {
  path: string;
  data: string;
  config: string;
  runtime: string;
}

/**
 * The environment for running Jupyter (nbconvert, jupyter_client, `jupyter kernelspec`) in a
 * test: kernelspecs come only from `dirs.path`, and Jupyter's data, config and runtime files stay
 * in the given folders, never in $HOME, so a developer's own Jupyter and the tests do not see
 * each other.
 */
export function jupyterEnv(dirs: JupyterDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JUPYTER_PATH: dirs.path,
    JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_CONFIG_DIR: dirs.config,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
  };
}

/** The checkout's own Jupyter home, .cache/jupyter, laid out as scripts/handouts.sh and `npm run jupyterlab` set it. */
export function checkoutJupyter(): JupyterDirs {
  const home = path.join(root, '.cache', 'jupyter');
  return { path: home, data: home, config: path.join(home, 'config'), runtime: path.join(home, 'runtime') };
}

/** A throwaway Jupyter: kernelspecs under `prefix` (as `memscope kernel install --prefix` writes them), its files under `state`. */
export function prefixJupyter(prefix: string, state: string): JupyterDirs {
  return {
    path: path.join(prefix, 'share', 'jupyter'),
    data: path.join(state, 'data'),
    config: path.join(state, 'config'),
    runtime: path.join(state, 'runtime'),
  };
}

/**
 * A fresh Jupyter under `dir` with the memscope-ts kernelspec installed by the real CLI
 * (`memscope kernel install --prefix <dir>/prefix`); needs dist/ (ensureDistBuilt).
 */
export function installKernelUnder(dir: string): { env: NodeJS.ProcessEnv; prefix: string; installLog: string } {
  const prefix = path.join(dir, 'prefix');
  const install = spawnSync(process.execPath, [path.join(root, 'bin', 'memscope.js'), 'kernel', 'install', '--prefix', prefix], { cwd: root, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`memscope kernel install --prefix ${prefix} failed (${install.status}): ${install.stderr}`);
  return { env: jupyterEnv(prefixJupyter(prefix, dir)), prefix, installLog: install.stdout };
}
