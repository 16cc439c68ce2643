/// <reference lib="dom" />
/**
 * The renderer widget: reads the output's data, turns it into a view with the format's own
 * reader (`toView`: a view document, or a small timeline document, as an object or a JSON
 * string), and draws it with display.ts. A payload that does not validate, or one written by a
 * newer memscope, becomes an error box naming what was wrong; nothing is thrown into
 * JupyterLab.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { toView } from '../views/payload';
import type { ThemeName } from '../views/theme';
import { renderView, renderError, type ViewDisplay } from './display';

/** JupyterLab marks its theme on <body data-jp-theme-light="true|false">; outside it, light. */
export function pageTheme(doc: Document = document): ThemeName {
  return doc.body?.dataset.jpThemeLight === 'false' ? 'dark' : 'light';
}

export class MemscopeRenderer extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private display: ViewDisplay | null = null;

  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.mimeType = options.mimeType;
    this.addClass('memscope-output');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.clear();
    let view;
    try {
      view = toView(model.data[this.mimeType], 'memscope output');
    } catch (err) {
      renderError(this.node, 'This memscope output cannot be shown', err);
      return;
    }
    try {
      this.display = await renderView(this.node, view, { theme: pageTheme() });
    } catch (err) {
      // A view that validated but could not be drawn is our bug; say so instead of a blank output.
      this.clear();
      renderError(this.node, 'memscope could not draw this output', err);
    }
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.clear();
    super.dispose();
  }

  private clear(): void {
    this.display?.dispose();
    this.display = null;
    this.node.replaceChildren();
  }
}
