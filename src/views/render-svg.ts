/**
 * Vega-Lite spec → SVG text in Node (static fallbacks for HTML handouts and the kernel's
 * `image/svg+xml`). Node only: the browser renderer uses vega-embed instead, so keep this module
 * out of browser imports. Nothing is fetched: specs carry their data inline, and the loader
 * refuses every load, so a spec naming a URL fails instead of reaching the network.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A loader that loads nothing and remembers what it refused (vega logs load errors and draws on). */
function offlineLoader(): { loader: vega.Loader; refused: string[] } {
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`memscope charts load nothing; refused ${uri}`));
  };
  const loader = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
  return { loader: loader as unknown as vega.Loader, refused };
}

function checkNothingRefused(refused: string[]): void {
  if (refused.length > 0) throw new Error(`memscope charts load nothing; this spec asked for ${refused.join(', ')} (give data inline as values)`);
}

/** Renders one vega-lite spec to an SVG document (a string starting with `<svg`). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // vega only logs a failed load and draws an empty chart; the refusal list turns it into an error.
  const { spec: vgSpec } = compile(spec);
  const { loader, refused } = offlineLoader();
  const vegaView = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader, logLevel: vega.None });
  try {
    const svg = await vegaView.toSVG();
    checkNothingRefused(refused);
    return svg;
  } finally {
    vegaView.finalize();
  }
}

/**
 * The same SVG made synchronously, for callers that cannot wait (a value's `util.inspect` hook
 * in the kernel). Inline data makes vega's dataflow run synchronously in `vegaView.run()`; the
 * scenegraph then goes through vega's public SVGStringRenderer, sized as vega-view's
 * renderHeadless sizes it (vega 5.33.1: `_viewWidth`/`_viewHeight` + padding, `_origin`).
 * Tests check the result equals `renderSvg`'s.
 */
export function renderSvgSync(spec: TopLevelSpec): string {
  const { spec: vgSpec } = compile(spec);
  const { loader, refused } = offlineLoader();
  const vegaView = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader, logLevel: vega.None });
  try {
    vegaView.run();
    checkNothingRefused(refused);
    const internal = vegaView as unknown as { _viewWidth: number; _viewHeight: number; _origin: [number, number] };
    if (typeof internal._viewWidth !== 'number' || !Array.isArray(internal._origin)) {
      throw new Error('renderSvgSync: this vega version lays views out differently; use renderSvg');
    }
    const padding = vegaView.padding() as { left: number; right: number; top: number; bottom: number };
    const width = Math.max(0, internal._viewWidth + padding.left + padding.right);
    const height = Math.max(0, internal._viewHeight + padding.top + padding.bottom);
    const origin = [padding.left + internal._origin[0], padding.top + internal._origin[1]];
    const Renderer = (vega as unknown as { SVGStringRenderer: new (loader?: unknown) => SvgStringRenderer }).SVGStringRenderer;
    const renderer = new Renderer(vegaView.loader());
    renderer.initialize(null, width, height, origin, 1).background(vegaView.background());
    renderer.render((vegaView.scenegraph() as unknown as { root: unknown }).root);
    const svg = renderer.svg();
    checkNothingRefused(refused);
    return svg;
  } finally {
    vegaView.finalize();
  }
}

interface SvgStringRenderer {
  initialize(el: null, width: number, height: number, origin: number[], scaleFactor: number): SvgStringRenderer;
  background(colour: unknown): SvgStringRenderer;
  render(scene: unknown): SvgStringRenderer;
  svg(): string;
}

/** Width and height of an SVG document's root element (0 if absent). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string): number => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: read('width'), height: read('height') };
}

/**
 * Stacks SVG documents vertically into one (`image/svg+xml` carries one document): each is
 * nested as an `<svg>` element at its offset, so their ids and styles stay as they were.
 */
export function stackSvgs(svgs: string[], options: { gap?: number; background?: string } = {}): string {
  const gap = options.gap ?? 16;
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const svg of svgs) {
    const body = svg.replace(/^<\?xml[^>]*>\s*/, '');
    const size = svgSize(body);
    parts.push(body.replace(/^<svg\b/, `<svg x="0" y="${y}"`));
    y += size.height + gap;
    width = Math.max(width, size.width);
  }
  const height = Math.max(0, y - gap);
  const background = options.background ? `<rect width="100%" height="100%" fill="${options.background}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${background}${parts.join('')}</svg>`;
}
