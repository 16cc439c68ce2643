#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Writes <out>/index.html: one link per handout, titled by the notebook's first heading.
 * Usage: node scripts/handouts-index.js OUT_DIR EXECUTED.ipynb...
 * A plain page with no scripts and no remote resources. Hrefs are built by relativeHref: a file
 * name such as `javascript:alert(1).ipynb` stays a relative link to that file.
 */
const fs = require('fs');
const path = require('path');

const { escapeHtml, relativeHref } = require('./handouts-links');

/** The first markdown heading, without its #s; the file name when there is none. */
function titleOf(file) {
  let nb;
  try {
    nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not a notebook (${err instanceof Error ? err.message : err})`);
  }
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== 'markdown') continue;
    const text = Array.isArray(cell.source) ? cell.source.join('') : String(cell.source);
    const heading = text.split('\n').find((line) => /^#{1,6}\s/.test(line));
    if (heading) return heading.replace(/^#+\s*/, '').trim();
  }
  return path.basename(file, '.ipynb');
}

function main(argv) {
  const [out, ...notebooks] = argv;
  if (!out || notebooks.length === 0) {
    process.stderr.write('usage: node scripts/handouts-index.js OUT_DIR EXECUTED.ipynb...\n');
    return 2;
  }
  const items = notebooks.map((file) => {
    const name = path.basename(file, '.ipynb');
    const html = `${name}.html`;
    if (!fs.existsSync(path.join(out, html))) throw new Error(`${path.join(out, html)}: missing HTML export`);
    return `    <li><a href="${relativeHref(html)}">${escapeHtml(titleOf(file))}</a>` +
      ` <small>(<a href="${relativeHref(`${name}.ipynb`)}">notebook</a>)</small></li>`;
  });
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>memscope handouts</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
    li { margin: 0.3rem 0; }
  </style>
</head>
<body>
  <h1>memscope handouts</h1>
  <p>Each notebook executed top to bottom with the memscope TypeScript kernel. In each handout the
  diagrams step and the Rust examples can be edited and run again, in the page, without a network.</p>
  <ol>
${items.join('\n')}
  </ol>${fs.existsSync(path.join(out, 'playground.html')) ? `
  <p><a href="./playground.html">Playground</a>: write your own Rust program, or start from one of the examples, and step through its memory.</p>` : ''}
</body>
</html>
`;
  fs.writeFileSync(path.join(out, 'index.html'), page);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`handouts-index: ${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 1;
}
