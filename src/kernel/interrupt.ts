/**
 * Long work in a cell that the notebook's "Interrupt the kernel" stops.
 *
 * tslab stops a cell's synchronous code on SIGINT and abandons an awaited promise, but work on
 * worker threads (the lab's parallel replays) would go on in the background. `interruptible`
 * hands the work an AbortSignal that the kernel's SIGINT aborts, so that work stops too:
 *
 *   const report = await interruptible((signal) => compare(traces, { policies, signal }));
 *
 * The listener lives only while the work runs, and only in the kernel: library code never
 * listens for SIGINT (the CLI must still exit on Ctrl-C).
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  // tslab runs a cell's synchronous part with vm's breakOnSigint, whose watchdog restores the
  // process's previous SIGINT action when that part ends: a listener added during it would be
  // left without an OS handler, and the next interrupt would kill the kernel. So start the
  // listener one macrotask later, after the cell's synchronous part.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort(new Error('interrupted by the kernel (SIGINT)'));
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
