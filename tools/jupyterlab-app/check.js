#!/usr/bin/env node
// Checks `npm run jupyterlab` end to end: starts tools/jupyterlab-app/main.py on a copy of a course notebook
// (under test-output/, so the lab's autosave never writes into notebooks/), opens it in
// headless Chromium, runs all cells on the memscope-ts kernel and waits for memscope's renderer
// to draw an output. Screenshot: test-output/screens/lab-app-notebook.png. Exit 1 on failure.
//
//   node tools/jupyterlab-app/check.js [notebook.ipynb]      (default notebooks/01-three-regions.ipynb)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const { chromium } = require(require.resolve('playwright-core', { paths: [root] }));

const CHROMIUM = '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

async function waitForServer(url, server, log) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`lab server exited ${server.exitCode}:\n${log()}`);
    try { if ((await fetch(url)).ok) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`lab server did not answer ${url} in 30 s:\n${log()}`);
}

async function main() {
  const source = path.resolve(process.argv[2] ?? path.join(root, 'notebooks', '01-three-regions.ipynb'));
  const work = path.join(root, 'test-output', 'lab-app', 'notebooks');
  const screens = path.join(root, 'test-output', 'screens');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(screens, { recursive: true });
  const name = path.basename(source);
  fs.copyFileSync(source, path.join(work, name));

  const port = await freePort();
  let serverLog = '';
  const server = spawn('/usr/bin/python3', [path.join(__dirname, 'main.py'), `--port=${port}`, '--ServerApp.token=', '--ServerApp.password=',
    `--ServerApp.root_dir=${work}`, '--ServerApp.ip=127.0.0.1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  const base = `http://127.0.0.1:${port}`;
  const profile = fs.mkdtempSync(path.join(require('os').tmpdir(), 'memscope-lab-app-'));
  let context = null;
  const pageErrors = [];
  const offMachine = [];
  try {
    await waitForServer(`${base}/api/status`, server, () => serverLog);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Nothing leaves the machine: only the lab server answers.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/api/events/subscribe')) pageErrors.push(`HTTP ${r.status()} ${r.url()}`); });
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const started = Date.now();
    await page.goto(`${base}/lab/tree/${encodeURIComponent(name)}`);
    await page.waitForSelector('body[data-memscope-lab="ready"]', { state: 'attached', timeout: 60_000 });
    await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
    console.log(`lab-app: notebook open after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The kernel named in the notebook's metadata (memscope-ts) starts with the session.
    await page.waitForFunction(() => {
      const nb = window.jupyterapp.shell.currentWidget;
      return nb && nb.sessionContext && nb.sessionContext.session && nb.sessionContext.session.kernel
        && nb.sessionContext.session.kernel.status === 'idle';
    }, null, { timeout: 120_000 });
    const kernelName = await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.name);
    console.log(`lab-app: kernel ${kernelName} idle after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const ran = Date.now();
    // Resolves once every cell has run (or one failed).
    await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
    console.log(`lab-app: Run All finished in ${((Date.now() - ran) / 1000).toFixed(1)} s`);
    await page.waitForSelector('.jp-OutputArea .memscope-output svg', { timeout: 180_000 });
    const counts = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
      const prompts = cells.map((c) => (c.querySelector('.jp-InputArea-prompt')?.textContent ?? '').trim());
      return { code: cells.length, executed: prompts.filter((p) => /^\[\d+\]:$/.test(p)).length };
    });
    console.log(`lab-app: ${counts.executed} of ${counts.code} code cells executed`);
    const output = page.locator('.jp-OutputArea .memscope-output').first();
    // The output's top (title, slider, diagram) at the top of the notebook's scroller.
    await output.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1500);
    const shot = path.join(screens, 'lab-app-notebook.png');
    await page.screenshot({ path: shot });
    const summary = await output.evaluate((el) => ({ text: el.textContent.slice(0, 200), svgs: el.querySelectorAll('svg').length }));
    const errors = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count();
    console.log(`lab-app: memscope output: ${summary.svgs} svg, text "${summary.text.replace(/\s+/g, ' ')}"`);
    console.log(`lab-app: ${await page.locator('.memscope-output').count()} memscope outputs, ${errors} stderr outputs; screenshot ${path.relative(root, shot)}`);
    if (offMachine.length) console.log(`lab-app: refused off-machine requests: ${offMachine.join(', ')}`);
    // jupyter_server 1.x has neither /api/me (identity) nor /api/events (event bus), both added in
    // 2.0: JupyterLab 4 falls back to an anonymous user and keeps retrying the event socket.
    const serverGap = [/^HTTP 404 \S+\/api\/me\?/, /\/api\/events\/subscribe' failed/, /^console: Failed to load resource: the server responded with a status of 404/];
    const unexpected = pageErrors.filter((e) => !serverGap.some((known) => known.test(e)));
    if (pageErrors.length) console.log(`lab-app: page errors (${pageErrors.length - unexpected.length} of them known gaps of jupyter_server 1.x):\n  ${[...new Set(pageErrors)].slice(0, 20).join('\n  ')}`);
    const problems = [
      counts.executed < counts.code ? `${counts.code - counts.executed} code cells did not run` : '',
      errors > 0 ? `${errors} cells wrote to stderr` : '',
      unexpected.length ? `${unexpected.length} unexpected page errors` : '',
    ].filter(Boolean);
    if (problems.length) throw new Error(problems.join('; '));
  } catch (err) {
    if (context) await context.pages()[0]?.screenshot({ path: path.join(screens, 'lab-app-failed.png') }).catch(() => {});
    console.log(`server log (end):\n${serverLog.slice(-3000)}`);
    throw err;
  } finally {
    if (context) await context.close();
    server.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(`lab-app check failed: ${err.stack || err}`); process.exit(1); });
