/**
 * The handouts index (scripts/handouts-index.js) with hostile notebook file names (issue 12,
 * item 7): a name like `javascript:alert(1).ipynb` must become a relative link to that file,
 * never a link that runs code, and its title text must be escaped.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'handouts-index.js');

function notebook(title: string): string {
  return JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: [`# ${title}\n`] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
}

describe('handouts-index.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-index-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, title: string) => {
    fs.writeFileSync(path.join(dir, `${name}.ipynb`), notebook(title));
    fs.writeFileSync(path.join(dir, `${name}.html`), '<!DOCTYPE html>');
    return path.join(dir, `${name}.ipynb`);
  };
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));

  test('a javascript: file name links to the file, relative, and never as a script URL', () => {
    const names = ['javascript:alert(document.domain)x', 'JaVaScRiPt:alert(1)', 'data:text,hi', '?q=1#frag', "it's <b>\"bold\" & co"];
    const files = names.map((n) => write(n, `<img src=x onerror=alert(1)> ${n}`));
    const run = spawnSync(process.execPath, [script, dir, ...files], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    // Titles are text, not markup.
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const links = hrefs(html);
    expect(links).toHaveLength(names.length * 2);
    for (const href of links) {
      expect(href.startsWith('./')).toBe(true);
      // Resolved as a browser does against the folder: always a file in that folder.
      const url = new URL(href, `file://${dir}/`);
      expect(url.protocol).toBe('file:');
      expect(url.search).toBe('');
      expect(url.hash).toBe('');
      expect(path.dirname(decodeURIComponent(url.pathname))).toBe(dir);
    }
    // Each link names its own file exactly.
    const targets = links.map((href) => path.basename(decodeURIComponent(new URL(href, `file://${dir}/`).pathname)));
    expect(targets).toEqual(names.flatMap((n) => [`${n}.html`, `${n}.ipynb`]));
  });

  test('a missing export is an error naming the file', () => {
    const file = write('01-ok', 'Fine');
    fs.rmSync(path.join(dir, '01-ok.html'));
    const run = spawnSync(process.execPath, [script, dir, file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, '01-ok.html')}: missing HTML export`);
  });
});
