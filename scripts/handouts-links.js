// @ts-check
'use strict';
/**
 * Safe links and text for the handout pages written by Node (index, playground). A notebook's
 * file name becomes an href only as a relative path: "./" first and each character that could
 * start a scheme, a query or a fragment percent-encoded, so `javascript:alert(1).ipynb` links to
 * a file named that way and never runs. Text is HTML-escaped wherever it goes.
 */
const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** An href (already attribute-escaped) to a file in the same folder. */
function relativeHref(fileName) {
  if (fileName.includes('/') || fileName.includes('\\')) throw new Error(`${fileName}: expected a file name, not a path`);
  return escapeHtml(`./${encodeURIComponent(fileName)}`);
}

module.exports = { escapeHtml, relativeHref };
