/**
 * The JupyterLab 4 MIME renderer extension for memscope outputs
 * (`application/vnd.memscope.v1+json`), loaded by JupyterLab as a prebuilt extension
 * (`npm run build:labextension`, docs/JUPYTERLAB.md). A thin adapter in the manner of
 * JupyterLab's vega5 extension: the widget (widget.ts) validates the payload with the format's
 * own reader and hands the view to the DOM code (output.ts), which draws charts built by
 * src/views.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { MIME_TYPE } from '../format/errors';
import { MemscopeRenderer } from './widget';

/** The MIME type this extension renders (the format's, version 1). */
export const MEMSCOPE_MIME_TYPE = MIME_TYPE;

/**
 * Safe: nothing in a payload is evaluated or written into markup raw, so JupyterLab may render
 * it in untrusted notebooks too.
 */
export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [MEMSCOPE_MIME_TYPE],
  createRenderer: (options) => new MemscopeRenderer(options),
};

/**
 * Rank 0: a memscope output also carries `image/svg+xml` and `text/plain` fallbacks; the
 * interactive renderer goes before them.
 */
const extension: IRenderMime.IExtension = {
  id: 'memscope:renderer',
  description: 'Charts and the memory diagram of a memscope timeline',
  rendererFactory,
  rank: 0,
  dataType: 'json',
};

export default extension;
