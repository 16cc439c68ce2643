'use strict';
/**
 * Loads the CLI's bundle (dist/cli/memscope.js, made by scripts/bundle-cli.js) as require()
 * would, but with V8's code cache for it when there is one (memscope.js.cache, written by the
 * build after a replay): the functions a run needs are deserialised rather than parsed and
 * compiled again, about 7 ms of a 75 ms `memscope replay` start. The cache's first line names
 * the bundle (size, mtime) and the Node it was made for; for any other, or when V8 rejects it,
 * the bundle compiles from its source as usual.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

function stamp(file) {
  const s = fs.statSync(file);
  return `memscope-code-cache ${s.size} ${s.mtimeMs} ${process.version} ${process.arch}\n`;
}

/**
 * The bundle's exports; `cache` says whether its code cache was used ('used', 'none' when there
 * is none for this bundle and Node, 'rejected' by V8), and writeCache() stores the cache for the
 * functions compiled so far (the build calls it after a replay).
 */
function loadBundle(file) {
  const cacheFile = `${file}.cache`;
  const want = stamp(file);
  let cachedData;
  try {
    const data = fs.readFileSync(cacheFile);
    const eol = data.indexOf(10);
    if (eol > 0 && data.toString('latin1', 0, eol + 1) === want) cachedData = data.subarray(eol + 1);
  } catch {
    // no cache: compile from source
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return {
    exports: mod.exports,
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    writeCache() {
      fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(want, 'latin1'), script.createCachedData()]));
    },
  };
}

module.exports = { loadBundle };
