import { spawn, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as path from 'path';
import { tsRequireHook } from './ts-hook';

const root = path.resolve(__dirname, '..', '..');

/**
 * `memscope ARGS…` as a real process from the TypeScript sources (no dist/ build): the same
 * main() bin/memscope.js calls, with real stdin, stdout and signals. The .ts modules are
 * compiled on load with TypeScript's transpileModule, as the lab's workers are under jest.
 */
export function cliScript(args: string[]): string {
  return `${tsRequireHook()}
    require(${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))}).main(${JSON.stringify(args)}).then(
      (code) => { process.exitCode = code; },
      (err) => { process.stderr.write('memscope: ' + (err && err.message ? err.message : err) + '\\n'); process.exitCode = 1; });`;
}

/** Runs the CLI to the end. */
export function runCli(args: string[], options: { input?: string | Buffer; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['-e', cliScript(args)], { encoding: 'utf8', input: options.input, timeout: options.timeoutMs ?? 60_000, cwd: root });
}

/**
 * Runs the CLI with its stdout read for `bytes` bytes and then closed, as `| head -c BYTES`
 * does; resolves with its exit code and stderr.
 */
export function runCliClosingStdout(args: string[], bytes: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args);
    let seen = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      seen += d.length;
      if (seen >= bytes) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Starts the CLI and leaves it running (for signals). */
export function startCli(args: string[]) {
  return spawn(process.execPath, ['-e', cliScript(args)], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
}
