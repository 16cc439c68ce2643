/// <reference lib="dom" />
/**
 * The renderer widget: reads the output's data, turns it into a view with the format's own
 * reader (`toView`: a view document, or a small timeline document, as an object or a JSON
 * string), and draws it with output.ts. A payload that does not validate, or one written by a
 * newer memscope, becomes an error box naming what was wrong; nothing is thrown into
 * JupyterLab. When the user switches JupyterLab's theme, the output is redrawn in it at the same
 * step.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import type { ViewDocument } from '../format/view';
import { fitView } from '../views/budget';
import { toView } from '../views/view';
import type { ThemeName } from '../views/theme';
import { renderOutput, renderError, type RenderedOutput } from './output';

/** JupyterLab marks its theme on <body data-jp-theme-light="true|false">; outside it, light. */
export function pageTheme(doc: Document = document): ThemeName {
  return doc.body?.dataset.jpThemeLight === 'false' ? 'dark' : 'light';
}

export class MemscopeRenderer extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private view: ViewDocument | null = null;
  /** What fitView left out of this payload (docs/JUPYTERLAB.md, payload budget); shown above the output. */
  private over: string[] = [];
  private output: RenderedOutput | null = null;
  private theme: ThemeName = 'light';
  private themeWatch: MutationObserver | null = null;
  /** Counts draws, so a draw overtaken by a newer one (new data, theme switch) is dropped. */
  private generation = 0;

  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.mimeType = options.mimeType;
    this.addClass('memscope-output');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.view = null;
    try {
      ({ view: this.view, over: this.over } = fitView(toView(model.data[this.mimeType], 'memscope output')));
    } catch (err) {
      this.clear();
      renderError(this.node, 'This memscope output cannot be shown', err);
      return;
    }
    this.watchTheme();
    await this.draw(this.view, pageTheme());
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.themeWatch?.disconnect();
    this.themeWatch = null;
    this.generation++;
    this.clear();
    super.dispose();
  }

  private async draw(view: ViewDocument, theme: ThemeName, snapshot?: number): Promise<void> {
    const generation = ++this.generation;
    this.clear();
    this.theme = theme;
    try {
      const output = await renderOutput(this.node, view, { theme, snapshot, over: this.over });
      if (generation === this.generation && !this.isDisposed) this.output = output;
      else output.dispose();
    } catch (err) {
      if (generation !== this.generation) return;
      // A view that validated but could not be drawn is our bug; say so instead of a blank output.
      this.clear();
      renderError(this.node, 'memscope could not draw this output', err);
    }
  }

  private watchTheme(): void {
    if (this.themeWatch || typeof MutationObserver === 'undefined' || !document.body) return;
    this.themeWatch = new MutationObserver(() => {
      const theme = pageTheme();
      if (this.view && theme !== this.theme) void this.draw(this.view, theme, this.output?.snapshot);
    });
    this.themeWatch.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light'] });
  }

  private clear(): void {
    this.output?.dispose();
    this.output = null;
    this.node.replaceChildren();
  }
}
