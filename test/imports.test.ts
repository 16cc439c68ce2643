import * as fs from 'fs';
import * as path from 'path';

// The arrows of docs/ARCHITECTURE.md ("Which way the arrows point"), checked on the source:
// no import cycle anywhere in src/, and the engine's layers import downward only.

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Relative imports and re-exports of each file, type-only ones included (they are arrows too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
      const target = resolve(file, m[1]!);
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map((f) => path.relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

describe('imports', () => {
  const graph = importGraph();

  it('reads the source tree', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(path.join(SRC, 'engine', 'std', 'vec.ts'))).toContain(path.join(SRC, 'engine', 'memory', 'machine.ts'));
  });

  it('has no import cycle in src/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  // The folders of src/ and what each may import (docs/ARCHITECTURE.md's picture): the format
  // imports nothing of memscope, the engine only the format, ways in and ways out the engine
  // and the format; only the front doors (CLI, kernel, handouts, the package entry) wire ways
  // in to ways out.
  const MAY_IMPORT: Record<string, readonly string[]> = {
    'format': [],
    'version.ts': [],
    'engine': ['format'],
    // The notebook API runs std through the interpreter's std table (issue 14: "the same std
    // through the same table, so it stays in step"); the interpreter never imports the API.
    'api': ['engine', 'format', 'rust'],
    'rust': ['engine', 'format'],
    'traces': ['format'],
    'alloc-lab': ['traces', 'engine', 'format', 'version.ts'],
    'examples': ['api', 'engine', 'format'],
    'views': ['engine', 'format'],
    'jupyterlab': ['views', 'format'],
    'kernel': ['views', 'engine', 'format'],
    'handout': ['jupyterlab', 'views', 'rust', 'format'],
    'cli': ['alloc-lab', 'api', 'engine', 'examples', 'format', 'rust', 'traces', 'version.ts', 'views'],
    'index.ts': ['api', 'engine', 'examples', 'format', 'rust'],
  };
  const folderOf = (file: string): string => rel(file).split('/')[0]!;

  it('every folder of src/ is in the layer table', () => {
    const folders = new Set([...graph.keys()].map(folderOf));
    expect([...folders].filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });

  it.each(Object.keys(MAY_IMPORT))('src/%s imports only what its layer may', (folder) => {
    const allowed = new Set([folder, ...MAY_IMPORT[folder]!]);
    const offending = [...graph].flatMap(([file, targets]) =>
      folderOf(file) === folder ? targets.filter((t) => !allowed.has(folderOf(t))).map((t) => `${rel(file)} -> ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it.each([
    ['engine/memory/', 'engine/std/'],
    ['engine/', 'api/'],
    ['engine/', 'rust/'],
    ['api/binding.ts', 'api/program.ts'],
    ['engine/timeline/snapshot.ts', 'engine/timeline/timeline.ts'],
  ])('%s imports nothing from %s', (from, to) => {
    const offending = [...graph].flatMap(([file, targets]) =>
      rel(file).startsWith(from) ? targets.filter((t) => rel(t).startsWith(to)).map((t) => `${rel(file)} -> ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });
});
