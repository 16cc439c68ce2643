import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/**
 * Rebuilds dist/ (tsconfig.build.json) only when a source under src/ is newer than
 * dist/src/kernel/index.js: tests that run the real kernel need the compiled code, and other tests
 * read dist/ meanwhile, so an up-to-date build is left alone.
 */
export function ensureDistBuilt(): void {
  const entry = path.join(root, 'dist', 'src', 'kernel', 'index.js');
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  const sources = ['src'].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
  if (sources.every((f) => fs.statSync(f).mtimeMs <= built)) return;
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (!fs.existsSync(entry)) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}`);
}
