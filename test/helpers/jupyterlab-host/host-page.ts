/// <reference lib="dom" />
/**
 * A minimal JupyterLab-like page for tests and benchmarks (bundled by esbuild, see host.ts).
 * It loads the BUILT prebuilt extension the way JupyterLab 4 does: the extension's
 * `static/remoteEntry.*.js` as a script, the module-federation container `_JUPYTERLAB[name]`
 * initialised with a share scope that provides the singleton `@lumino/widgets`, then its
 * `./style` and `./mimeExtension` modules. The extension's rendererFactory goes into the real
 * `@jupyterlab/rendermime` RenderMimeRegistry (with JupyterLab's standard factories), and each
 * output is rendered as OutputArea does: preferredMimeType, createModel, createRenderer,
 * renderModel, attach.
 */
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import * as lumino from '@lumino/widgets';
import { Widget } from '@lumino/widgets';

interface Container {
  init(scope: unknown): Promise<void> | void;
  get(module: string): Promise<() => unknown>;
}

/** What the test drives through `page.evaluate`. */
export interface HostApi {
  /** Loads the prebuilt extension from `base` (a folder with package.json and static/). */
  load(base: string): Promise<{ name: string; mimeTypes: string[]; rank: number | undefined }>;
  /** Renders one output bundle; resolves when renderModel has finished, with the chosen MIME type and the time taken. */
  render(bundle: Record<string, unknown>, options?: { trusted?: boolean; label?: string }): Promise<{ index: number; mimeType: string | null; ms: number }>;
  /** Sets JupyterLab's theme marker on <body>, as JupyterLab's theme manager does. */
  setTheme(light: boolean): void;
  /** Disposes every rendered output (and clears the page). */
  clear(): void;
}

declare global {
  interface Window {
    _JUPYTERLAB?: Record<string, Container>;
    memscopeHost: HostApi;
  }
}

const registry = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
const widgets: Widget[] = [];

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

/** A webpack share scope entry for a module this page provides (JupyterLab's own webpack build makes these). */
function provided(version: string, module: unknown): Record<string, unknown> {
  return { [version]: { get: () => Promise.resolve(() => module), from: 'memscope-test-host', eager: true, loaded: 1 } };
}

function extensionsOf(module: unknown): IRenderMime.IExtension[] {
  const exported = (module as { default?: unknown }).default ?? module;
  return (Array.isArray(exported) ? exported : [exported]) as IRenderMime.IExtension[];
}

window.memscopeHost = {
  async load(base) {
    const pkg = await (await fetch(`${base}/package.json`)).json();
    const build = pkg.jupyterlab._build;
    await loadScript(`${base}/${build.load}`);
    const container = window._JUPYTERLAB?.[pkg.name];
    if (!container) throw new Error(`${build.load} did not define _JUPYTERLAB[${JSON.stringify(pkg.name)}]`);
    await container.init({ '@lumino/widgets': provided('2.10.0', lumino) });
    if (build.style) (await container.get(build.style))();
    const [extension] = extensionsOf((await container.get(build.mimeExtension))());
    if (!extension) throw new Error('the mimeExtension module exports no extension');
    registry.addFactory(extension.rendererFactory, extension.rank);
    return { name: pkg.name, mimeTypes: [...extension.rendererFactory.mimeTypes], rank: extension.rank };
  },

  async render(bundle, options = {}) {
    const trusted = options.trusted ?? false;
    const outputs = document.getElementById('outputs')!;
    const cell = document.createElement('div');
    cell.className = 'host-output';
    cell.dataset.index = String(widgets.length);
    if (options.label) cell.dataset.label = options.label;
    outputs.append(cell);
    // As OutputArea: untrusted outputs may only use safe renderers.
    const mimeType = registry.preferredMimeType(bundle as never, trusted ? 'any' : 'ensure') ?? null;
    if (mimeType === null) return { index: widgets.length - 1, mimeType, ms: 0 };
    const model = registry.createModel({ data: bundle as never, trusted });
    const renderer = registry.createRenderer(mimeType);
    widgets.push(renderer);
    Widget.attach(renderer, cell);
    const started = performance.now();
    await renderer.renderModel(model);
    // The time until the browser has laid the output out, as a person would wait for it.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { index: widgets.length - 1, mimeType, ms: performance.now() - started };
  },

  setTheme(light) {
    document.body.dataset.jpThemeLight = String(light);
    document.body.style.background = light ? '#ffffff' : '#111111';
  },

  clear() {
    for (const w of widgets.splice(0)) w.dispose();
    document.getElementById('outputs')!.replaceChildren();
  },
};
