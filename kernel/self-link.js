// @ts-check
'use strict';
/**
 * The self-link <checkout>/node_modules/memscope -> .. that lets notebook cells import 'memscope'
 * (launch.js says why). Its own module so a test can check it on a scratch folder: removing the
 * real link under a running test would break every other kernel's cells meanwhile.
 */
const fs = require('fs');
const path = require('path');

/** Inside someone's node_modules, memscope is already importable the ordinary way. */
const isInstalledPackage = (checkout) => checkout.split(path.sep).includes('node_modules');

function ensureSelfLink(checkout) {
  if (isInstalledPackage(checkout)) return;
  const link = path.join(checkout, 'node_modules', 'memscope');
  try {
    fs.realpathSync(link);
    // Present: this checkout, or something someone put there on purpose; either way leave it.
    return;
  } catch {
    // Missing or dangling: (re)create below.
  }
  try {
    fs.rmSync(link, { force: true });
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync('..', link, 'dir');
  } catch (err) {
    // Another kernel starting at the same moment may have made it: then all is well.
    if (fs.existsSync(link)) return;
    // The kernel still starts; cells importing 'memscope' will report the missing module.
    console.error(`memscope kernel: cannot link ${link} -> ${checkout}: ${err instanceof Error ? err.message : err}`);
  }
}

module.exports = { ensureSelfLink };
