#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Builds the handouts' browser runtime: ONE file (default handouts/memscope-runtime.js) that every
 * page of a handout folder loads with a relative <script src>. Chromium refuses fetch and
 * new Worker(url) on file:// pages, so everything the runtime needs is inside it:
 *   1. the Rust worker (src/handout/worker.ts: interpreter, web-tree-sitter, the view builder),
 *      with tree-sitter.wasm and tree-sitter-rust.wasm gzipped and base64'd into it
 *      (unpacked in the worker by DecompressionStream), bundled to a string that the page
 *      starts from a Blob URL;
 *   2. the page side (src/handout/runtime.ts: the JupyterLab renderer, vega, the editor), with
 *      the worker's code and the CSS (style/index.css, style/handout.css) as strings.
 * Fails if the runtime exceeds its budget (4 MB).
 *
 *   node scripts/build-handout-runtime.js [OUT_FILE]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const BUDGET = 4 * 1024 * 1024;

const gzipBase64 = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).toString('base64');

/** Node-only modules some dependencies import behind environment checks; never reached in a browser. */
const NODE_ONLY = ['fs', 'fs/promises', 'module', 'path', 'url', 'util', 'worker_threads', 'node:fs', 'node:worker_threads', 'node:path', 'node:url', 'node:util'];

const common = {
  bundle: true,
  platform: /** @type {const} */ ('browser'),
  format: /** @type {const} */ ('iife'),
  target: 'es2022',
  minify: true,
  write: false,
  logLevel: /** @type {const} */ ('warning'),
  external: NODE_ONLY,
  legalComments: /** @type {const} */ ('none'),
};

async function buildRuntime(outFile) {
  const wasm = {
    runtime: gzipBase64(require.resolve('web-tree-sitter/tree-sitter.wasm', { paths: [root] })),
    grammar: gzipBase64(require.resolve('tree-sitter-rust/tree-sitter-rust.wasm', { paths: [root] })),
  };
  const worker = await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src', 'handout', 'worker.ts')],
    define: { MEMSCOPE_WASM: JSON.stringify(wasm), 'process.env.NODE_ENV': '"production"' },
  });
  const css = ['index.css', 'handout.css'].map((f) => fs.readFileSync(path.join(root, 'style', f), 'utf8')).join('\n');
  const page = await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src', 'handout', 'runtime.ts')],
    define: {
      MEMSCOPE_WORKER: JSON.stringify(worker.outputFiles[0].text),
      MEMSCOPE_CSS: JSON.stringify(css),
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
  });
  const text = page.outputFiles[0].text;
  const bytes = Buffer.byteLength(text);
  if (bytes > BUDGET) throw new Error(`the runtime is ${bytes} bytes, over its budget of ${BUDGET}`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  return { bytes, worker: Buffer.byteLength(worker.outputFiles[0].text) };
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'handouts', 'memscope-runtime.js'));
  buildRuntime(out).then(
    ({ bytes, worker }) => process.stderr.write(`handout runtime: ${out} ${(bytes / 1024).toFixed(0)} KiB (worker ${(worker / 1024).toFixed(0)} KiB)\n`),
    (err) => {
      process.stderr.write(`build-handout-runtime: ${err instanceof Error ? err.message : err}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { buildRuntime, BUDGET };
