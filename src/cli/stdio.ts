import type { CliIo } from './command';

/**
 * The process's own streams as the CLI's io. A reader that stops early (`memscope … | head`)
 * closes the pipe; the next write then fails with EPIPE, which would surface as an unhandled
 * 'error' event and a stack trace. As Unix tools do, the process ends quietly instead: no one
 * is left to read the rest.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * Lets go of stdin once a command is done. A run stopped by Ctrl-C, or one that read only part
 * of a trace on '-', leaves stdin open; while the writer still holds the pipe, that open read
 * would keep the process alive after its results were printed.
 */
export function releaseStdin(): void {
  if (process.stdin.readableDidRead && !process.stdin.destroyed) process.stdin.destroy();
}
