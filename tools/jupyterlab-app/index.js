/**
 * The front end of `npm run jupyterlab`: JupyterLab 4's application shell with the core plugins a
 * notebook needs, from the @jupyterlab/* npm packages, plus the prebuilt (federated) extensions
 * the server lists in the page config — memscope's renderer from labextension/memscope. JupyterLab's
 * own build loads those through webpack's share scope; this bundle is made by esbuild, so it
 * hands the extension the one thing it takes from JupyterLab (`@lumino/widgets`, a singleton)
 * in a share scope written by hand.
 */
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import * as luminoWidgets from '@lumino/widgets';

import '@jupyterlab/application-extension/style/index.js';
import '@jupyterlab/apputils-extension/style/index.js';
import '@jupyterlab/codemirror-extension/style/index.js';
import '@jupyterlab/completer-extension/style/index.js';
import '@jupyterlab/docmanager-extension/style/index.js';
import '@jupyterlab/documentsearch-extension/style/index.js';
import '@jupyterlab/filebrowser-extension/style/index.js';
import '@jupyterlab/mainmenu-extension/style/index.js';
import '@jupyterlab/markedparser-extension/style/index.js';
import '@jupyterlab/metadataform-extension/style/index.js';
import '@jupyterlab/notebook-extension/style/index.js';
import '@jupyterlab/rendermime-extension/style/index.js';
import '@jupyterlab/statusbar-extension/style/index.js';
import '@jupyterlab/toc-extension/style/index.js';
import '@jupyterlab/translation-extension/style/index.js';
import '@jupyterlab/ui-components-extension/style/index.js';

const pluginsOf = (module) => {
  const exported = module && Object.prototype.hasOwnProperty.call(module, 'default') ? module.default : module;
  return Array.isArray(exported) ? exported : [exported];
};

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

/** The prebuilt extensions of the page config (jupyterlab_server reads labextensions/<name>/package.json). */
async function federatedMimeExtensions() {
  const listed = JSON.parse(PageConfig.getOption('federated_extensions') || '[]');
  const base = PageConfig.getOption('fullLabextensionsUrl');
  const lumino = luminoWidgets.Widget ? luminoWidgets : null;
  const scope = {
    '@lumino/widgets': { '2.10.0': { get: () => Promise.resolve(() => lumino), from: 'memscope-lab-app', eager: true, loaded: 1 } },
  };
  const mime = [];
  for (const ext of listed) {
    try {
      await loadScript(URLExt.join(base, ext.name, ext.load));
      const container = window._JUPYTERLAB[ext.name];
      await container.init(scope);
      if (ext.style) (await container.get(ext.style))();
      if (ext.mimeExtension) mime.push(...pluginsOf((await container.get(ext.mimeExtension))()));
      if (ext.extension) console.warn(`${ext.name}: plugin extensions are not loaded by this app, only MIME renderers`);
    } catch (err) {
      console.error(`${ext.name}: not loaded:`, err);
    }
  }
  return mime;
}

window.addEventListener('load', async () => {
  const withoutLsp = (m) => pluginsOf(m).filter(({ id }) => !id.includes(':language-server'));
  const plugins = [
    pluginsOf(await import('@jupyterlab/application-extension')),
    pluginsOf(await import('@jupyterlab/apputils-extension')),
    pluginsOf(await import('@jupyterlab/codemirror-extension')),
    pluginsOf(await import('@jupyterlab/completer-extension')),
    pluginsOf(await import('@jupyterlab/docmanager-extension')),
    pluginsOf(await import('@jupyterlab/documentsearch-extension')),
    pluginsOf(await import('@jupyterlab/filebrowser-extension')),
    pluginsOf(await import('@jupyterlab/mainmenu-extension')),
    pluginsOf(await import('@jupyterlab/markedparser-extension')),
    pluginsOf(await import('@jupyterlab/metadataform-extension')),
    withoutLsp(await import('@jupyterlab/notebook-extension')),
    pluginsOf(await import('@jupyterlab/rendermime-extension')),
    pluginsOf(await import('@jupyterlab/statusbar-extension')),
    pluginsOf(await import('@jupyterlab/theme-light-extension')),
    pluginsOf(await import('@jupyterlab/theme-dark-extension')),
    pluginsOf(await import('@jupyterlab/toc-extension')),
    pluginsOf(await import('@jupyterlab/translation-extension')),
    pluginsOf(await import('@jupyterlab/ui-components-extension')),
  ].flat();
  const lab = new JupyterLab({ mimeExtensions: await federatedMimeExtensions() });
  lab.registerPlugins(plugins);
  await lab.start();
  await lab.restored;
  // As JupyterLab's own page does: scripts and tests drive the app through its commands.
  window.jupyterapp = lab;
  document.body.dataset.memscopeLab = 'ready';
  console.log('memscope lab: started');
});
