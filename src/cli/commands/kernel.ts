import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { type Command, UsageError } from '../command';
import { parseArgs, SWITCH, VALUE } from '../args';

/**
 * `memscope kernel install|uninstall`: registers this checkout's tslab as the Jupyter kernel
 * `memscope-ts`, so notebooks can `import * as memscope from 'memscope'` with no publish step.
 *
 * What install writes, and uninstall removes again (listed in a manifest beside kernel.json):
 *   - <kernels>/memscope-ts/kernel.json, from kernel/kernel.template.json with absolute paths
 *     (this node, this checkout) filled in;
 *   - <checkout>/node_modules/memscope -> <checkout>, when it was missing (see kernel/launch.js
 *     for why a self-link, and why the kernel also restores it at every start);
 *   - the prebuilt JupyterLab extension, copied into <data>/labextensions/<name>, once it exists.
 */

export const KERNEL_NAME = 'memscope-ts';
const MANIFEST = 'memscope-install.json';

export interface Target {
  /** Jupyter data directory that receives kernels/ and labextensions/. */
  dataDir: string;
  /** How the user chose it, for messages. */
  label: string;
}

/** Everything one install created, so uninstall can remove exactly that. */
export interface InstallManifest {
  checkout: string;
  kernelDir: string;
  selfLink: string | null;
  labExtension: string | null;
}

const usage = `Usage: memscope kernel install [--user | --prefix P] [--jupyter PATH]
       memscope kernel uninstall [--user | --prefix P] [--jupyter PATH]

Registers this checkout's TypeScript kernel (tslab) with Jupyter as '${KERNEL_NAME}',
"TypeScript (memscope)". Notebook cells can then write
    import * as memscope from 'memscope';
and get this checkout's compiled dist/ (run \`npm run build\` after changing src/).

Install also copies the prebuilt JupyterLab extension (the memscope MIME renderer) into
Jupyter's labextensions directory once the build has produced it; until then that step is
skipped with a note.

Options:
  --user         install into the per-user Jupyter data dir (\`jupyter --data-dir\`; honours
                 JUPYTER_DATA_DIR). The default.
  --prefix P     install into P/share/jupyter (add P/share/jupyter to JUPYTER_PATH to use it).
  --jupyter PATH the jupyter executable used to find the data dir (default: jupyter on PATH).

Uninstall removes exactly what install created, using the manifest it left in the kernelspec.`;

export const kernelCommand: Command = {
  name: 'kernel',
  summary: `Install or uninstall the '${KERNEL_NAME}' Jupyter kernel (tslab) for this checkout.`,
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action !== 'install' && action !== 'uninstall') {
      throw new UsageError(`expected 'install' or 'uninstall', got ${action === undefined ? 'nothing' : `'${action}'`}`);
    }
    const target = parseTarget(rest);
    const checkout = findCheckout(__dirname);
    if (action === 'install') {
      const manifest = installKernel(checkout, target);
      io.out(`Installed kernelspec ${KERNEL_NAME} in ${manifest.kernelDir}\n`);
      if (manifest.selfLink) io.out(`Linked ${manifest.selfLink} -> ${checkout}\n`);
      io.out(manifest.labExtension
        ? `Installed JupyterLab extension in ${manifest.labExtension}\n`
        : 'JupyterLab extension: not built yet, skipped\n');
      if (!fs.existsSync(path.join(checkout, 'dist', 'src', 'index.js'))) {
        io.err('note: dist/src/index.js is missing; run `npm run build` before importing memscope in cells\n');
      }
    } else {
      const removed = uninstallKernel(target);
      for (const p of removed) io.out(`Removed ${p}\n`);
    }
    return 0;
  },
};

const FLAGS = { '--user': SWITCH, '--prefix': VALUE, '--jupyter': VALUE };

function parseTarget(args: string[]): Target {
  const { positionals, flags } = parseArgs(args, FLAGS, 'kernel');
  if (positionals.length > 0) throw new UsageError(`expected only options after the action, got '${positionals[0]}'`);
  const prefix = flags['--prefix'];
  const user = flags['--user'] === true;
  const jupyter = flags['--jupyter'] ?? 'jupyter';
  if (user && prefix !== undefined) throw new UsageError('choose one of --user and --prefix');
  if (prefix !== undefined) {
    return { dataDir: path.resolve(prefix, 'share', 'jupyter'), label: `--prefix ${prefix}` };
  }
  return { dataDir: userDataDir(jupyter), label: '--user' };
}

/** Asks Jupyter itself, so JUPYTER_DATA_DIR and the platform's conventions are honoured. */
function userDataDir(jupyter: string): string {
  try {
    return execFileSync(jupyter, ['--data-dir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`cannot run '${jupyter} --data-dir' (${why}); install Jupyter ` +
      '(Debian: apt-get install jupyter-client, or scripts/ensure-system-deps.sh), pass --jupyter PATH, or use --prefix');
  }
}

/** The checkout (or installed package) root: the nearest package.json named memscope. */
export function findCheckout(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'memscope') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no memscope package.json above ${from}`);
  }
}

export function installKernel(checkout: string, target: Target): InstallManifest {
  const tslabPkg = resolveFrom(checkout, 'tslab/package.json');
  const tslabVersion = String(JSON.parse(fs.readFileSync(tslabPkg, 'utf8')).version);
  const templatePath = path.join(checkout, 'kernel', 'kernel.template.json');
  const spec = fillTemplate(JSON.parse(fs.readFileSync(templatePath, 'utf8')), {
    '@NODE@': process.execPath,
    '@CHECKOUT@': checkout,
    '@TSLAB_VERSION@': tslabVersion,
  });

  const kernelDir = path.join(target.dataDir, 'kernels', KERNEL_NAME);
  fs.mkdirSync(kernelDir, { recursive: true });
  const previous = readManifest(kernelDir);
  fs.writeFileSync(path.join(kernelDir, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);

  // A re-install keeps ownership of a link an earlier install created.
  const selfLink = ensureSelfLink(checkout) ?? previous?.selfLink ?? null;
  const labExtension = installLabExtension(labExtensionSource(checkout), target.dataDir);
  const manifest: InstallManifest = { checkout, kernelDir, selfLink, labExtension };
  fs.writeFileSync(path.join(kernelDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Returns the paths it removed. */
export function uninstallKernel(target: Target): string[] {
  const kernelDir = path.join(target.dataDir, 'kernels', KERNEL_NAME);
  if (!fs.existsSync(kernelDir)) throw new Error(`no ${KERNEL_NAME} kernelspec in ${kernelDir} (${target.label})`);
  const manifest = readManifest(kernelDir);
  if (!manifest) {
    throw new Error(`${kernelDir} has no ${MANIFEST}: not installed by \`memscope kernel install\`, so it is left alone`);
  }
  const removed: string[] = [];
  if (manifest.labExtension && fs.existsSync(manifest.labExtension)) {
    fs.rmSync(manifest.labExtension, { recursive: true });
    removed.push(manifest.labExtension);
  }
  if (manifest.selfLink && isLinkTo(manifest.selfLink, manifest.checkout)) {
    fs.unlinkSync(manifest.selfLink);
    removed.push(manifest.selfLink);
  }
  for (const file of ['kernel.json', MANIFEST]) fs.rmSync(path.join(kernelDir, file), { force: true });
  // Only the directory we made, and only if nobody put anything else in it.
  if (fs.readdirSync(kernelDir).length === 0) fs.rmdirSync(kernelDir);
  removed.push(kernelDir);
  return removed;
}

/**
 * Hook for the prebuilt JupyterLab extension (the MIME renderer): copies `sourceDir` — a built
 * labextension, i.e. a folder with package.json and static/ — into
 * <dataDir>/labextensions/<package name>, where JupyterLab loads prebuilt extensions from.
 * Does nothing and returns null while the extension has not been built.
 */
export function installLabExtension(sourceDir: string, dataDir: string): string | null {
  const pkgPath = path.join(sourceDir, 'package.json');
  if (!fs.existsSync(pkgPath)) return null;
  const name = String(JSON.parse(fs.readFileSync(pkgPath, 'utf8')).name);
  const dest = path.join(dataDir, 'labextensions', ...name.split('/'));
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.cpSync(sourceDir, dest, { recursive: true });
  return dest;
}

/** Where @jupyterlab/builder writes the prebuilt extension: package.json jupyterlab.outputDir. */
function labExtensionSource(checkout: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(checkout, 'package.json'), 'utf8'));
  const outputDir = pkg?.jupyterlab?.outputDir;
  return path.join(checkout, typeof outputDir === 'string' ? outputDir : 'labextension');
}

/** Creates <checkout>/node_modules/memscope -> .. if missing; returns it only when created here. */
function ensureSelfLink(checkout: string): string | null {
  // Installed from npm (inside a node_modules), memscope is importable the ordinary way.
  if (checkout.split(path.sep).includes('node_modules')) return null;
  const link = path.join(checkout, 'node_modules', 'memscope');
  if (isLinkTo(link, checkout)) return null;
  if (fs.existsSync(link)) {
    throw new Error(`${link} exists and is not this checkout; remove it so cells import this checkout's memscope`);
  }
  fs.rmSync(link, { force: true }); // a dangling link
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    fs.symlinkSync('..', link, 'dir');
  } catch (err) {
    // A kernel starting meanwhile (kernel/launch.js) made the same link: not ours to remove.
    if (isLinkTo(link, checkout)) return null;
    throw err;
  }
  return link;
}

function isLinkTo(link: string, dir: string): boolean {
  try {
    return fs.lstatSync(link).isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(dir);
  } catch {
    return false;
  }
}

function readManifest(kernelDir: string): InstallManifest | null {
  const file = path.join(kernelDir, MANIFEST);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as InstallManifest;
}

function resolveFrom(dir: string, request: string): string {
  try {
    return require.resolve(request, { paths: [dir] });
  } catch {
    throw new Error(`cannot find ${request} from ${dir}; run npm install (tslab is a dependency)`);
  }
}

function fillTemplate(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return Object.entries(vars).reduce((s, [k, v]) => s.split(k).join(v), value);
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplate(v, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, vars)]));
  }
  return value;
}
