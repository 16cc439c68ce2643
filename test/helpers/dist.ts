import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
/** Held while either build runs, so two test files never build into the checkout at once. */
const LOCK = path.join(root, 'test-output', '.build.lock');

function locked(command: string, args: string[], timeout: number): ReturnType<typeof spawnSync> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  return spawnSync('flock', [LOCK, command, ...args], { cwd: root, encoding: 'utf8', timeout });
}

function newestSource(): number {
  const sources = fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts')).map((f) => path.join(root, 'src', f));
  const configs = ['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(root, f));
  return Math.max(...[...sources, ...configs].map((f) => fs.statSync(f).mtimeMs));
}

/**
 * dist/ as `npm run build` makes it, for the tests that run the real kernel or
 * load the compiled entries. Rebuilt only when a source under src/ or a build config is newer
 * than it: other test files read dist/ meanwhile, and a needless rebuild could hand them
 * half-written files. Scripts that can build themselves (scripts/handouts.sh) then run with
 * --no-build.
 */
export function ensureDistBuilt(): void {
  const entries = [path.join(root, 'dist', 'src', 'index.js'), path.join(root, 'dist', 'src', 'kernel', 'index.js')];
  const built = Math.min(...entries.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  if (built >= newestSource()) return;
  // `npm run build`, as scripts/handouts.sh runs it: the package's tsc (the TypeScript tslab bundles).
  const build = locked('npm', ['run', '--silent', 'build'], 600_000);
  if (build.status !== 0 || !entries.every((f) => fs.existsSync(f))) throw new Error(`npm run build failed (${build.status}):\n${build.stdout}${build.stderr}`);
}

/**
 * The prebuilt JupyterLab extension (`npm run build:labextension`, into package.json's
 * jupyterlab.outputDir), for the renderer and JupyterLab-app tests; returns its directory.
 */
export function buildLabExtension(): string {
  const run = locked('npm', ['run', '--silent', 'build:labextension'], 900_000);
  if (run.status !== 0) throw new Error(`npm run build:labextension exited ${run.status}:\n${run.stderr}\n${run.stdout}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, pkg.jupyterlab.outputDir);
}
