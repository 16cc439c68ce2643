/// <reference lib="dom" />
/**
 * The handout's Rust worker (bundled by scripts/build-handout-runtime.js and started from a Blob
 * URL, so it works on file:// pages): loads tree-sitter and the Rust grammar from bytes embedded in
 * the bundle (gzipped, base64; no fetch of a file), runs each program with the interpreter under a
 * step budget and answers with the run's view. It runs off the page's thread, so the page stays
 * responsive; the page ends the worker if an answer takes too long.
 */
import { initRust, runRustSync, RustBudgetError, RustSourceError } from '../rust/index';
import { makeView } from '../views/view';
import type { RunFailure, RunReply, RunRequest } from './protocol';

/** Gzipped wasm files as base64, put in by the bundler. */
declare const MEMSCOPE_WASM: { runtime: string; grammar: string };

async function gunzip(base64: string): Promise<Uint8Array> {
  const packed = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const ready: Promise<void> = (async () => {
  const [runtime, grammar] = await Promise.all([gunzip(MEMSCOPE_WASM.runtime), gunzip(MEMSCOPE_WASM.grammar)]);
  // web-tree-sitter asks for its own wasm by name: a Blob URL made here is the one fetch a
  // file:// page allows (it never leaves the worker's memory).
  const runtimeUrl = URL.createObjectURL(new Blob([runtime as BlobPart], { type: 'application/wasm' }));
  await initRust({ grammarWasm: grammar, locateFile: () => runtimeUrl });
})();

/** The interpreter's errors as a student reads them; anything else is our bug, said so. */
export function failureOf(err: unknown): RunFailure {
  if (err instanceof RustBudgetError) return { kind: 'steps', message: err.message, line: err.line, column: null };
  if (err instanceof RustSourceError) {
    // runRustSync reports the JavaScript stack running out (deep recursion) as a compile error.
    if (/own JavaScript stack/.test(err.message)) {
      const depth = /call depth (\d+)/.exec(err.message)?.[1] ?? '?';
      return {
        kind: 'stack',
        message: `recursion too deep for the in-page interpreter: its own stack ran out at call depth ${depth}, ` +
          `before the program's Rust stack was full (give the function a base case, or recurse less deeply)`,
        line: err.line,
        column: null,
      };
    }
    const kind = err.name === 'RustSyntaxError' ? 'syntax' : err.name === 'RustSubsetError' ? 'subset' : 'compile';
    return { kind, message: err.reason, line: err.line, column: err.column };
  }
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { kind: 'stack', message: 'recursion too deep for the in-page interpreter (its own stack ran out)', line: null, column: null };
  }
  return { kind: 'internal', message: `memscope failed: ${err instanceof Error ? err.message : String(err)}`, line: null, column: null };
}

/** The worker global (typed with the DOM lib the rest of the browser code uses). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<RunRequest>) => void) | null; postMessage(reply: RunReply): void };
scope.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { id, source, options } = event.data;
  const started = performance.now();
  let reply: RunReply;
  try {
    await ready;
    const run = runRustSync(source, { ...options, thread: false });
    const view = makeView(run.timeline);
    reply = { id, ok: true, view, stdout: run.stdout, ms: performance.now() - started };
  } catch (err) {
    reply = { id, ok: false, failure: failureOf(err), ms: performance.now() - started };
  }
  scope.postMessage(reply);
};
