#!/usr/bin/env node
/**
 * `npm run build:labextension`: builds the prebuilt JupyterLab 4 extension (the memscope MIME
 * renderer) into package.json's `jupyterlab.outputDir` (labextension/memscope).
 *
 *   1. tsc -p src/jupyterlab/tsconfig.json   -> lib/ (the renderer and the src/views,
 *      src/format and engine modules it imports, as browser-safe CommonJS);
 *   2. lib/package.json: the extension's own package description. @jupyterlab/builder exposes
 *      a package's `main` as `./index` and shares every dependency, so it gets a package whose
 *      main is the renderer and whose dependencies are the renderer's: the Node entry
 *      (dist/src/index.js, which reads files and starts workers) and tslab stay out;
 *   3. build-labextension --core-path tools/jupyterlab-core lib   (webpack module federation:
 *      static/remoteEntry.<hash>.js, package.json with jupyterlab._build);
 *   4. install.json beside it, as Python-packaged extensions ship theirs.
 *
 * Options: --development (unminified, source maps).
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
const development = process.argv.includes('--development');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outputDir = pkg.jupyterlab && pkg.jupyterlab.outputDir;
if (typeof outputDir !== 'string') {
  console.error('build:labextension: package.json has no jupyterlab.outputDir (where the built extension goes)');
  process.exit(1);
}
const output = path.join(root, outputDir);
// Webpack writes into a fresh folder beside the output, which replaces the output by rename only
// when complete: a kernel install (or a test) reading the output never sees a half-built extension.
const staging = `${output}.building-${process.pid}`;
/**
 * What the renderer takes from JupyterLab (singletons, never bundled), as ranges any JupyterLab
 * 4 satisfies: 4.0.0 shipped rendermime-interfaces ~3.8.0 and @lumino/widgets ^2.0.1. JupyterLab
 * compares these with its own versions and reports an extension whose ranges miss them as
 * incompatible (`jupyter labextension list`), so they are not pinned to the versions we build with.
 */
const FROM_JUPYTERLAB = { '@jupyterlab/rendermime-interfaces': '^3.8.0', '@lumino/widgets': '^2.0.1' };
/** What the extension bundles, at the versions package.json pins. */
const BUNDLED = ['vega', 'vega-embed', 'vega-lite'];

function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}

function run(command, args) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

const started = Date.now();
fs.rmSync(lib, { recursive: true, force: true });
run(bin('tsc'), ['-p', path.join('src', 'jupyterlab', 'tsconfig.json')]);

const dependencies = { ...FROM_JUPYTERLAB };
for (const name of BUNDLED) {
  const version = (pkg.dependencies || {})[name];
  if (!version) {
    console.error(`build:labextension: package.json dependencies lack ${name}, which the renderer imports`);
    process.exit(1);
  }
  dependencies[name] = version;
}
fs.mkdirSync(path.join(lib, 'style'), { recursive: true });
fs.copyFileSync(path.join(root, 'style', 'index.css'), path.join(lib, 'style', 'index.css'));
const extensionPkg = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  main: 'src/jupyterlab/index.js',
  style: 'style/index.css',
  dependencies,
  jupyterlab: {
    mimeExtension: true,
    outputDir: path.relative(lib, staging),
  },
};
fs.writeFileSync(path.join(lib, 'package.json'), `${JSON.stringify(extensionPkg, null, 2)}\n`);

run(bin('build-labextension'), [
  ...(development ? ['--development'] : []),
  '--core-path', path.join(root, 'tools', 'jupyterlab-core'),
  lib,
]);
fs.copyFileSync(path.join(root, 'install.json'), path.join(staging, 'install.json'));

const built = JSON.parse(fs.readFileSync(path.join(staging, 'package.json'), 'utf8'));
const entry = built.jupyterlab && built.jupyterlab._build && built.jupyterlab._build.load;
if (!entry || !fs.existsSync(path.join(staging, entry))) {
  console.error(`build:labextension: ${staging} has no remoteEntry (jupyterlab._build.load = ${entry})`);
  fs.rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
// The description says where a build of this package goes, not the staging folder it was built in.
built.jupyterlab.outputDir = path.relative(lib, output);
fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(built, null, 2)}\n`);
const old = `${output}.old-${process.pid}`;
if (fs.existsSync(output)) fs.renameSync(output, old);
fs.renameSync(staging, output);
fs.rmSync(old, { recursive: true, force: true });
let bytes = 0;
for (const file of fs.readdirSync(path.join(output, 'static'))) bytes += fs.statSync(path.join(output, 'static', file)).size;
console.error(`build:labextension: ${path.relative(root, output)} (${entry}, static/ ${(bytes / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
