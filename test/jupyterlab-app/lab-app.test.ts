/**
 * `npm run jupyterlab` end to end: the JupyterLab 4 front end built from @jupyterlab/* npm packages,
 * served by Debian's jupyter-server + jupyterlab-server with memscope's prebuilt extension,
 * opens a course notebook in headless Chromium, runs it on the memscope-ts kernel and draws
 * memscope's output (tools/jupyterlab-app/check.js; screenshot test-output/screens/lab-app-notebook.png).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildLabExtension } from '../helpers/dist';

const root = path.resolve(__dirname, '..', '..');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 900_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${result.stdout}`);
}

describe('npm run jupyterlab', () => {
  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    run('bash', ['scripts/ensure-system-deps.sh']);
    run('bash', ['tools/jupyterlab-app/install.sh']);
    buildLabExtension();
    run(process.execPath, ['tools/jupyterlab-app/build.js']);
  }, 900_000);

  test('a course notebook opens, runs on the memscope-ts kernel and memscope renders its output', () => {
    const screenshot = path.join(root, 'test-output', 'screens', 'lab-app-notebook.png');
    fs.rmSync(screenshot, { force: true });
    const check = spawnSync(process.execPath, ['tools/jupyterlab-app/check.js'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
    if (check.status !== 0) throw new Error(`tools/jupyterlab-app/check.js exited ${check.status}:\n${check.stderr}\n${check.stdout}`);
    expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);
  }, 600_000);
});
