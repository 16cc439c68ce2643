#!/usr/bin/env node
// Builds tools/jupyterlab-app/build/: the front end bundle (esbuild), the light and dark themes' CSS
// where JupyterLab's theme manager fetches it, the settings schemas of the core plugins where
// jupyterlab_server's settings API reads them (what @jupyterlab/builder's ensureAssets does), and
// application settings overrides: the "Jupyter news" prompt answered once for good (no news
// fetched, no update checks: this app makes no request off the machine).
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require(require.resolve('esbuild', { paths: [path.resolve(__dirname, '..', '..')] }));

const here = __dirname;
const out = path.join(here, 'build');

const loader = { '.svg': 'text', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.png': 'file', '.gif': 'file', '.md': 'text' };

// JupyterLab's CSS imports packages webpack-style (`@import '~pkg/file.css'`).
const tildeImports = {
  name: 'tilde-imports',
  setup(build) {
    build.onResolve({ filter: /^~/ }, (args) => build.resolve(args.path.slice(1), { kind: args.kind, resolveDir: args.resolveDir }));
  },
};

function copySchemas() {
  const scope = path.join(here, 'node_modules', '@jupyterlab');
  for (const name of fs.readdirSync(scope)) {
    const pkgDir = path.join(scope, name);
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const schemaDir = pkg.jupyterlab && pkg.jupyterlab.schemaDir;
    if (!schemaDir) continue;
    const dest = path.join(out, 'schemas', pkg.name);
    fs.mkdirSync(dest, { recursive: true });
    for (const f of fs.readdirSync(path.join(pkgDir, schemaDir)).filter((f) => f.endsWith('.json'))) {
      fs.copyFileSync(path.join(pkgDir, schemaDir, f), path.join(dest, f));
    }
    // jupyterlab_server reads the version the settings were written for from here.
    fs.writeFileSync(path.join(dest, 'package.json.orig'), JSON.stringify(pkg));
  }
}

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { bundle: path.join(here, 'index.js') },
    bundle: true, outdir: out, format: 'iife', platform: 'browser', target: 'es2020',
    loader, plugins: [tildeImports], minify: true, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
  });
  for (const theme of ['theme-light-extension', 'theme-dark-extension']) {
    await esbuild.build({
      entryPoints: { index: path.join(here, 'node_modules', '@jupyterlab', theme, 'style', 'theme.css') },
      bundle: true, outdir: path.join(out, 'themes', '@jupyterlab', theme), loader, plugins: [tildeImports], logLevel: 'warning',
    });
  }
  copySchemas();
  // jupyterlab_server serves <app_settings_dir>/overrides.json as the plugins' defaults.
  const settings = path.join(out, 'application_settings');
  fs.mkdirSync(settings, { recursive: true });
  fs.writeFileSync(path.join(settings, 'overrides.json'), `${JSON.stringify({
    '@jupyterlab/apputils-extension:notification': { fetchNews: 'false', checkForUpdates: false },
  }, null, 2)}\n`);
  console.log(`lab-app: built ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => { console.error(err.message); process.exit(1); });
