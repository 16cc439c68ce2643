/**
 * A `use` inside a block (a fn body) brings its std names into that block only: rustc does not
 * resolve them elsewhere (E0433 at the head of a path, E0425 as a type). The program's std names
 * are one table, the one inference reads, so the scoping is checked here while lowering: which
 * names only block-level `use`s import, and which of them the blocks being lowered import.
 */
import type { Node } from 'web-tree-sitter';
import { parseUse, STD_ROOTS } from './uses';

export class UseScope {
  /** std names imported only by a `use` inside some block. */
  private readonly blockOnly = new Set<string>();
  /** The names the `use`s of the blocks being lowered import. */
  private visible = new Set<string>();

  /** Every block-level `use` of the tree, once the top-level ones (`top`) are read. */
  collect(root: Node, top: ReadonlyMap<string, string>): void {
    for (const u of root.descendantsOfType('use_declaration')) {
      if (!u || u.parent?.type === 'source_file') continue;
      for (const imp of parseUse(u.text)) {
        if (!imp.glob && STD_ROOTS.has(imp.path[0]!) && !top.has(imp.local)) this.blockOnly.add(imp.local);
      }
    }
  }

  /** `f` lowers a block whose `use` declarations are `uses`: their names are visible meanwhile. */
  within<T>(uses: Node[], f: () => T): T {
    const outer = this.visible;
    this.visible = new Set(outer);
    for (const u of uses) for (const imp of parseUse(u.text)) if (!imp.glob) this.visible.add(imp.local);
    try {
      return f();
    } finally {
      this.visible = outer;
    }
  }

  /** Whether `name` is a block's std import used outside that block. */
  outOfScope(name: string): boolean {
    return this.blockOnly.has(name) && !this.visible.has(name);
  }

  /** The first path head of a written type that is out of scope (`HashMap` in `HashMap<K, V>`, not in `std::collections::HashMap`). */
  outOfScopeInType(text: string): string | undefined {
    return (text.match(/(?<!::\s*)\b[A-Za-z_]\w*/g) ?? []).find((w) => this.outOfScope(w));
  }
}
