#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Writes <out>/playground.html: an empty Rust editor with the course's examples in a menu, for
 * students to try their own programs. The examples are the Rust programs of the handouts'
 * memscope outputs made by runRust (meta.program 'rust', the runtime's test for a runnable run),
 * and of code cells marked `"memscope": {"rust": …}`, each once, with the heap policy and stack
 * limit it ran with. The page is made live by the same
 * memscope-runtime.js as the handouts; without scripts it says what it needs.
 *
 *   node scripts/handouts-playground.js OUT_DIR EXECUTED.ipynb...
 */
const fs = require('fs');
const path = require('path');
const { escapeHtml } = require('./handouts-links');

const MIME = 'application/vnd.memscope.v1+json';

/** The runnable Rust programs of one executed notebook, in order. */
function examplesOf(file) {
  let nb;
  try {
    nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not a notebook (${err instanceof Error ? err.message : err})`);
  }
  const from = path.basename(file, '.ipynb');
  const found = [];
  for (const cell of nb.cells ?? []) {
    const marked = cell.metadata?.memscope;
    if (cell.cell_type === 'code' && typeof marked?.rust === 'string') {
      found.push({ title: marked.title ?? `example ${found.length + 1}`, from, source: marked.rust, policy: marked.policy, stackLimit: marked.stackLimit });
    }
    for (const output of cell.outputs ?? []) {
      let view = output.data?.[MIME];
      if (typeof view === 'string') view = JSON.parse(view);
      const meta = view?.meta;
      if (!meta || meta.program !== 'rust' || typeof meta.source !== 'string') continue;
      found.push({ title: meta.title ?? `example ${found.length + 1}`, from, source: meta.source, policy: meta.policy, stackLimit: meta.stackLimit });
    }
  }
  return found;
}

function page(examples) {
  // '<' escaped: the list sits in a <script> element as data.
  const data = JSON.stringify(examples).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>memscope playground</title>
  <script src="memscope-runtime.js" defer></script>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
    .memscope-handout-nav a { margin-right: 1rem; font-size: 14px; }
    .memscope-js .memscope-needs-js { display: none; }
  </style>
</head>
<body>
  <nav class="memscope-handout-nav"><a href="./index.html">all handouts</a></nav>
  <h1>memscope playground</h1>
  <p>Write a Rust program (the course's subset), or start from one of the ${examples.length} examples of the handouts,
  and press Run: it runs in this page, and its memory is drawn step by step. Nothing you type leaves the page.</p>
  <noscript><p><strong>The playground needs JavaScript.</strong> The handouts themselves can be read without it.</p></noscript>
  <div class="memscope-playground">
    <p class="memscope-needs-js">Loading the playground (memscope-runtime.js)…</p>
    <script type="application/json" class="memscope-examples">${data}</script>
  </div>
  <p><small>Examples: ${examples.map((e) => escapeHtml(`${e.from}: ${e.title}`)).join(' · ') || 'none'}</small></p>
</body>
</html>
`;
}

function main(argv) {
  const [out, ...notebooks] = argv;
  if (!out) {
    process.stderr.write('usage: node scripts/handouts-playground.js OUT_DIR EXECUTED.ipynb...\n');
    return 2;
  }
  const seen = new Set();
  const examples = notebooks.flatMap(examplesOf).filter((e) => !seen.has(e.source) && seen.add(e.source));
  fs.writeFileSync(path.join(out, 'playground.html'), page(examples));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`handouts-playground: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  }
}

module.exports = { examplesOf };
