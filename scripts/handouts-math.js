#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Typesets the LaTeX of the handouts' markdown cells with KaTeX at export time, so math reads
* offline, with scripts off and in print (nbconvert's template leaves `$…$` raw for MathJax,
 * which the offline handouts do not load). Only text between the template's memscope-math
 * markers is touched, never inside <code> or <pre>. KaTeX's CSS and fonts go to OUT/katex/.
 *
 *   node scripts/handouts-math.js OUT_DIR PAGE.html...
 *
 * Delimiters: $$…$$ and \[…\] (display), $…$ and \(…\) (inline; a `$` followed by a space or
 * a digit-only amount like "$5" is left alone, as pandoc does). A formula KaTeX cannot parse is
 * left as it was written, marked, and named on stderr with its page (a warning: the page is
 * still written).
 */
const fs = require('fs');
const path = require('path');
const katex = require('katex');

const decode = (s) => s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]);
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Display first; inline `$` needs a non-space after it and before its closing `$`, not followed by a digit.
const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$(?=\S)((?:\\\$|[^$\n])+?)(?<=\S)\$(?!\d)/g;

/** Typesets the math in one run of text (HTML-escaped, outside tags). */
function typesetText(text, problems) {
  return text.replace(MATH, (whole, d1, d2, i1, i2) => {
    const display = d1 !== undefined || d2 !== undefined;
    const tex = decode(d1 ?? d2 ?? i1 ?? i2);
    try {
      return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
    } catch (err) {
      problems.push(`${whole.slice(0, 60)}: ${err instanceof Error ? err.message : err}`);
      return `<span class="memscope-math-error" title="${escapeHtml(String(err instanceof Error ? err.message : err))}">${whole}</span>`;
    }
  });
}

/** Typesets a markdown cell's HTML: text between tags only, skipping code, pre, script and style. */
function typesetHtml(html, problems) {
  const parts = html.split(/(<[^>]*>)/);
  let skip = 0;
  return parts.map((part) => {
    if (part.startsWith('<')) {
      const tag = /^<(\/?)(code|pre|script|style)\b/i.exec(part);
      if (tag) skip += tag[1] ? -1 : 1;
      return part;
    }
    return skip > 0 ? part : typesetText(part, problems);
  }).join('');
}

function typesetPage(html, problems) {
  return html.replace(/<!--memscope-math-->([\s\S]*?)<!--\/memscope-math-->/g, (_, cell) => typesetHtml(cell, problems));
}

function copyKatexAssets(out) {
  const dist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
  const target = path.join(out, 'katex');
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(dist, 'katex.min.css'), path.join(target, 'katex.min.css'));
  // woff2 only: every browser that runs the handouts reads it; the CSS lists woff/ttf after it as fallbacks.
  for (const font of fs.readdirSync(path.join(dist, 'fonts'))) {
    if (font.endsWith('.woff2')) fs.copyFileSync(path.join(dist, 'fonts', font), path.join(target, 'fonts', font));
  }
}

function main(argv) {
  const [out, ...pages] = argv;
  if (!out) {
    process.stderr.write('usage: node scripts/handouts-math.js OUT_DIR PAGE.html...\n');
    return 2;
  }
  copyKatexAssets(out);
  let failed = 0;
  for (const page of pages) {
    const problems = [];
    const html = fs.readFileSync(page, 'utf8');
    fs.writeFileSync(page, typesetPage(html, problems));
    for (const p of problems) process.stderr.write(`handouts-math: ${page}: cannot typeset ${p}\n`);
    failed += problems.length;
  }
  if (failed > 0) process.stderr.write(`handouts-math: ${failed} formula(s) left as written\n`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`handouts-math: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  }
}

module.exports = { typesetPage, typesetHtml };
