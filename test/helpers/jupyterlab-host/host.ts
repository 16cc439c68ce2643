/**
 * Node side of the renderer's browser tests and benchmark: bundles host-page.ts with esbuild
 * (the real @jupyterlab/rendermime inside), starts Debian's headless Chromium through
 * playwright-core, and serves the page and the BUILT labextension from a made-up origin by
 * routing every request: nothing reaches a network, and any request for another address is
 * recorded (and refused) so a test can assert there was none.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { HostApi } from './host-page';

export const HOST_ORIGIN = 'http://memscope.test';
export const CHROMIUM = '/usr/bin/chromium';

export interface LabHost {
  page: Page;
  context: BrowserContext;
  /** Requests for anything but the host origin (refused). */
  offMachine: string[];
  /** Uncaught exceptions and console errors in the page. */
  pageErrors: string[];
  /** What the extension's mimeExtension module registered. */
  extension: { name: string; mimeTypes: string[]; rank: number | undefined };
  close(): Promise<void>;
}

export interface HostOptions {
  /** The built prebuilt extension (package.json with jupyterlab._build, static/). */
  labextension: string;
  /** Where the page bundle goes. */
  workDir: string;
  viewport?: { width: number; height: number };
}

const INDEX = `<!doctype html>
<html><head><meta charset="utf-8"><title>memscope renderer host</title>
<style>body { margin: 16px; font-family: sans-serif; } .host-output { margin-bottom: 24px; width: 820px; }</style>
</head><body data-jp-theme-light="true"><div id="outputs"></div><script src="/host.js"></script></body></html>`;

/** Bundles the host page (TypeScript, @jupyterlab/rendermime and lumino) into one script. */
export async function bundleHostPage(outFile: string): Promise<void> {
  await build({
    // The TypeScript source under ts-jest; its compiled JavaScript when run from dist/ (the benchmark).
    entryPoints: [['host-page.ts', 'host-page.js'].map((f) => path.join(__dirname, f)).find((f) => fs.existsSync(f))!],
    outfile: outFile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // @jupyterlab/ui-components imports its icons as SVG text and some packages import CSS.
    loader: { '.svg': 'text', '.css': 'empty' },
  });
}

function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.html')) return 'text/html';
  if (file.endsWith('.css')) return 'text/css';
  return 'application/octet-stream';
}

/** Starts Chromium on the host page with the extension loaded (`memscopeHost.load`). */
export async function openLabHost(options: HostOptions): Promise<LabHost> {
  fs.mkdirSync(options.workDir, { recursive: true });
  const script = path.join(options.workDir, 'host.js');
  await bundleHostPage(script);
  const labextension = path.resolve(options.labextension);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 900, height: 900 },
  });
  const offMachine: string[] = [];
  const pageErrors: string[] = [];
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== HOST_ORIGIN) {
        offMachine.push(url.href);
        return route.abort();
      }
      let file: string | null = null;
      if (url.pathname === '/' || url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: INDEX });
      if (url.pathname === '/host.js') file = script;
      else if (url.pathname.startsWith('/labextensions/memscope/')) {
        const inside = path.resolve(labextension, decodeURIComponent(url.pathname.slice('/labextensions/memscope/'.length)));
        if (inside.startsWith(labextension + path.sep)) file = inside;
      }
      if (file === null || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: contentType(file), body: fs.readFileSync(file) });
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(`${HOST_ORIGIN}/index.html`, { waitUntil: 'load' });
    const extension = await page.evaluate(() => window.memscopeHost.load('/labextensions/memscope'));
    return {
      page,
      extension,
      context,
      offMachine,
      pageErrors,
      async close() {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

/** Renders one output bundle in the page (see HostApi.render). */
export function renderInHost(host: LabHost, bundle: Record<string, unknown>, options: { trusted?: boolean; label?: string } = {}): ReturnType<HostApi['render']> {
  return host.page.evaluate(([b, o]) => window.memscopeHost.render(b, o), [bundle, options] as const);
}
