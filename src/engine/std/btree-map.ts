/**
 * std's `BTreeMap<K, V>` (and `BTreeSet<T>`, a map to `()`), node by node as rustc 1.95's
 * alloc::collections::btree builds it (B = 6: a node holds at most CAPACITY = 11 keys, a node
 * other than the root at least MIN_LEN = 5), so each node is one heap block and the allocator
 * sees std's calls (checked against rustc: test/oracle/btree-map.test.ts):
 * - a leaf is `LeafNode { parent, parent_idx: u16, len: u16, keys: [K; 11], vals: [V; 11] }`
 *   (fields reordered as rustc does), an internal node `#[repr(C)] { data: LeafNode, edges: [ptr; 12] }`;
 * - the first insert allocates the root leaf; inserting into a full node splits it at std's
 *   `splitpoint` (a new right sibling is allocated), the middle key goes up, and a split root
 *   gets a new internal root above it (allocated last);
 * - removing merges an underfull node (fewer than 5 keys) into its left sibling when it has one
 *   (else its right one) if both fit in one node, freeing the right node, or steals through the
 *   parent; an emptied internal root is freed; the root leaf stays even when the map is empty;
 * - dropping walks the keys in order, dropping each key then its value, and frees each node
 *   right after its last key (IntoIter's deallocating walk; that drop glue is machine.ts's dropTree).
 * Which keys sit in which node is kept by the entries' identities (hash-map.ts's keyIdentity);
 * the map's `entries` are kept in key order, which is how a BTreeMap iterates and prints.
 */
import { OwnerKind } from '../../format/events';
import type { Layout, Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import type { BTree, BTreeNode, MapEntry, MapValue, RValue } from '../memory/rvalue';
import { formatType as typeName } from '../layout/format';
import type { Value } from '../../format/values';
import { toValue } from '../memory/to-value';

export const CAPACITY = 11;
export const MIN_LEN = 5;

type BNode = BTreeNode;

/** The sizes of a leaf and an internal node for keys K and values V (`()` for a set). */
export function nodeLayouts(m: Machine, key: Ty, value: Ty | undefined): { leaf: Layout; internal: Layout } {
  const u16: Ty = { kind: 'int', name: 'u16' };
  const parent: Ty = { kind: 'option', some: { kind: 'box', to: { kind: 'int', name: 'u8' } } };
  const vals: Ty = value ?? { kind: 'unit' };
  const leaf = m.layoutOf({ kind: 'tuple', items: [parent, u16, u16, { kind: 'array', elem: key, len: CAPACITY }, { kind: 'array', elem: vals, len: CAPACITY }] });
  const align = Math.max(leaf.align, 8);
  const edgesAt = Math.ceil(leaf.size / 8) * 8;
  const internal = { ...leaf, size: Math.ceil((edgesAt + 8 * (CAPACITY + 1)) / align) * align, align };
  return { leaf, internal };
}

export function bTreeNew(m: Machine, ty: Ty, key: Ty, value: Ty | undefined, cmp: BTree['cmp']): MapValue {
  const { leaf, internal } = nodeLayouts(m, key, value);
  const entry = m.layoutOf(value ? { kind: 'tuple', items: [key, value] } : key);
  return { tag: 'map', ty, entry, set: !value, table: { buckets: 0, items: 0 }, block: null, entries: new Map(), tree: { root: null, leaf, internal, cmp } };
}

function newNode(m: Machine, map: MapValue, internal: boolean): BNode {
  const t = map.tree!;
  const l = internal ? t.internal : t.leaf;
  const node: BNode = { ids: [], edges: internal ? [] : null, block: null, shown: '' };
  node.block = m.alloc(l.size, l.align, `${typeName(map.ty)} ${internal ? 'internal' : 'leaf'} node`, nodeContent(map, node), map.block?.owner);
  return node;
}

/** What a node's block shows: its own entries, as (key, value) pairs (a set's as keys). */
function nodeContent(map: MapValue, node: BNode): Value {
  const items = node.ids.map((id) => {
    const e = map.entries.get(id)!;
    return map.set ? toValue(e.key) : { k: 'tuple' as const, items: [toValue(e.key), toValue(e.value)] };
  });
  return { k: 'array', items, len: items.length };
}

function freeNode(m: Machine, node: BNode): void {
  if (node.block) m.free(node.block);
  node.block = null;
}

/** std's `splitpoint(edge_idx)`: the key that goes up, and where the new key goes (left or right half, at what index). */
function splitpoint(edge: number): [number, 'left' | 'right', number] {
  if (edge < 5) return [4, 'left', edge];
  if (edge === 5) return [5, 'left', 5];
  if (edge === 6) return [5, 'right', 0];
  return [6, 'right', edge - 7];
}

interface Split {
  id: string;
  right: BNode;
}

/** Puts `id` (and the edge right of it) at `idx` of `node`; a full node splits first (its new right half allocated). */
function insertAt(m: Machine, map: MapValue, node: BNode, idx: number, id: string, edge: BNode | null): Split | null {
  const put = (n: BNode, i: number) => {
    n.ids.splice(i, 0, id);
    if (edge) n.edges!.splice(i + 1, 0, edge);
  };
  if (node.ids.length < CAPACITY) {
    put(node, idx);
    return null;
  }
  const [middle, side, at] = splitpoint(idx);
  const right = newNode(m, map, node.edges !== null);
  const up = node.ids[middle]!;
  right.ids = node.ids.slice(middle + 1);
  node.ids = node.ids.slice(0, middle);
  if (node.edges) {
    right.edges = node.edges.slice(middle + 1);
    node.edges = node.edges.slice(0, middle + 1);
  }
  put(side === 'left' ? node : right, at);
  return { id: up, right };
}

interface Step {
  node: BNode;
  /** The edge taken down from this node. */
  edge: number;
}

const keyAt = (map: MapValue, id: string) => map.entries.get(id)!.key;

/** The first index whose key is not less than `key`, and whether it is equal. */
function search(map: MapValue, node: BNode, key: RValue): [number, boolean] {
  const cmp = map.tree!.cmp;
  for (let i = 0; i < node.ids.length; i++) {
    const c = cmp(key, keyAt(map, node.ids[i]!));
    if (c === 0) return [i, true];
    if (c < 0) return [i, false];
  }
  return [node.ids.length, false];
}

/** Inserts a new key's entry (the caller checked it is absent): std's `insert_recursing`. */
export function bTreeInsert(m: Machine, map: MapValue, id: string, entry: MapEntry): void {
  const t = map.tree!;
  if (!t.root) {
    t.root = newNode(m, map, false);
    t.root.ids.push(id);
    map.entries.set(id, entry);
    return settle(m, map);
  }
  const path: Step[] = [];
  let node = t.root;
  for (;;) {
    const [i] = search(map, node, entry.key);
    if (!node.edges) {
      map.entries.set(id, entry);
      let split = insertAt(m, map, node, i, id, null);
      while (split) {
        const up = path.pop();
        if (!up) {
          // The root split: a new internal root above the two halves (push_internal_level).
          const root = newNode(m, map, true);
          root.ids = [split.id];
          root.edges = [t.root, split.right];
          t.root = root;
          break;
        }
        split = insertAt(m, map, up.node, up.edge, split.id, split.right);
      }
      return settle(m, map);
    }
    path.push({ node, edge: i });
    node = node.edges[i]!;
  }
}

/** Where `id` sits: the path down to its node and its index there. */
function locate(map: MapValue, id: string): { path: Step[]; node: BNode; idx: number } {
  const key = keyAt(map, id);
  const path: Step[] = [];
  let node = map.tree!.root!;
  for (;;) {
    const [i, found] = search(map, node, key);
    if (found) return { path, node, idx: i };
    path.push({ node, edge: i });
    node = node.edges![i]!;
  }
}

/** Merges `parent.edges[kv + 1]` into `parent.edges[kv]` through the parent's key kv; the right node is freed. */
function merge(m: Machine, parent: BNode, kv: number): void {
  const left = parent.edges![kv]!;
  const right = parent.edges![kv + 1]!;
  left.ids = [...left.ids, parent.ids[kv]!, ...right.ids];
  if (left.edges) left.edges = [...left.edges, ...right.edges!];
  parent.ids.splice(kv, 1);
  parent.edges!.splice(kv + 1, 1);
  freeNode(m, right);
}

/** `bulk_steal_left(count)`: count keys rotate from the left child into the right one through the parent. */
function stealLeft(parent: BNode, kv: number, count: number): void {
  const left = parent.edges![kv]!;
  const right = parent.edges![kv + 1]!;
  const keep = left.ids.length - count;
  right.ids = [...left.ids.slice(keep + 1), parent.ids[kv]!, ...right.ids];
  parent.ids[kv] = left.ids[keep]!;
  left.ids = left.ids.slice(0, keep);
  if (left.edges) {
    right.edges = [...left.edges.slice(keep + 1), ...right.edges!];
    left.edges = left.edges.slice(0, keep + 1);
  }
}

/** `bulk_steal_right(count)`: count keys rotate from the right child into the left one through the parent. */
function stealRight(parent: BNode, kv: number, count: number): void {
  const left = parent.edges![kv]!;
  const right = parent.edges![kv + 1]!;
  left.ids = [...left.ids, parent.ids[kv]!, ...right.ids.slice(0, count - 1)];
  parent.ids[kv] = right.ids[count - 1]!;
  right.ids = right.ids.slice(count);
  if (left.edges) {
    left.edges = [...left.edges, ...right.edges!.slice(0, count)];
    right.edges = right.edges!.slice(count);
  }
}

/**
 * An underfull non-root node (child `edge` of `parent`): merged with its left sibling if it has
 * one, else its right one, when they fit in one node (true: the parent shrank); else it steals
 * `count` keys (1 after removing from a leaf, up to MIN_LEN when fixing an ancestor).
 */
function rebalance(m: Machine, parent: BNode, edge: number, count: (len: number) => number): boolean {
  const node = parent.edges![edge]!;
  const leftSide = edge > 0;
  const kv = leftSide ? edge - 1 : 0;
  const left = parent.edges![kv]!;
  const right = parent.edges![kv + 1]!;
  if (left.ids.length + 1 + right.ids.length <= CAPACITY) {
    merge(m, parent, kv);
    return true;
  }
  if (leftSide) stealLeft(parent, kv, count(node.ids.length));
  else stealRight(parent, kv, count(node.ids.length));
  return false;
}

/** std's `remove_leaf_kv`: the key leaves the leaf; an underfull leaf is rebalanced, then its ancestors. Returns whether an internal root emptied. */
function removeFromLeaf(m: Machine, path: Step[], leaf: BNode, idx: number): boolean {
  leaf.ids.splice(idx, 1);
  if (leaf.ids.length >= MIN_LEN || !path.length) return false;
  const up = path[path.length - 1]!;
  rebalance(m, up.node, up.edge, () => 1);
  // fix_node_and_affected_ancestors, from the leaf's parent up.
  for (let level = path.length - 1; level >= 0; level--) {
    const node = path[level]!.node;
    const len = node.ids.length;
    if (len >= MIN_LEN) return false;
    if (level === 0) return len === 0;
    const parent = path[level - 1]!;
    if (!rebalance(m, parent.node, parent.edge, (n) => MIN_LEN - n)) return false;
  }
  return false;
}

/**
 * Removes `id` from the tree (std's `remove_kv_tracking`, then `pop_internal_level` for an
 * emptied internal root). The entry leaves `entries`; the caller drops the key and takes the value.
 */
export function bTreeRemove(m: Machine, map: MapValue, id: string): void {
  const t = map.tree!;
  const { path, node, idx } = locate(map, id);
  let emptied: boolean;
  if (!node.edges) {
    emptied = removeFromLeaf(m, path, node, idx);
  } else {
    // An internal key: its predecessor (the last key of its left subtree) takes its place.
    const down: Step[] = [...path, { node, edge: idx }];
    let leaf = node.edges[idx]!;
    while (leaf.edges) {
      down.push({ node: leaf, edge: leaf.edges.length - 1 });
      leaf = leaf.edges[leaf.edges.length - 1]!;
    }
    const pred = leaf.ids[leaf.ids.length - 1]!;
    emptied = removeFromLeaf(m, down, leaf, leaf.ids.length - 1);
    const holder = find(t.root!, id)!;
    holder.ids[holder.ids.indexOf(id)] = pred;
  }
  map.entries.delete(id);
  if (emptied) {
    const old = t.root!;
    t.root = old.edges![0]!;
    freeNode(m, old);
  }
  settle(m, map);
}

function find(node: BNode, id: string): BNode | undefined {
  if (node.ids.includes(id)) return node;
  for (const c of node.edges ?? []) {
    const f = find(c, id);
    if (f) return f;
  }
  return undefined;
}

/** Every id in key order. */
function inOrder(node: BNode | null, out: string[] = []): string[] {
  if (!node) return out;
  node.ids.forEach((id, i) => {
    if (node.edges) inOrder(node.edges[i]!, out);
    out.push(id);
  });
  if (node.edges) inOrder(node.edges[node.ids.length]!, out);
  return out;
}

/** After a change: `entries` in key order, each owned by its node's block. */
function settle(m: Machine, map: MapValue): void {
  const ordered = new Map<string, MapEntry>();
  for (const id of inOrder(map.tree!.root)) ordered.set(id, map.entries.get(id)!);
  map.entries = ordered;
  map.block = map.tree!.root?.block ?? null;
  const own = (node: BNode) => {
    if (!node.block) return;
    const owner = { kind: OwnerKind.Block, o1: node.block.id, o2: -1 };
    for (const id of node.ids) {
      const e = map.entries.get(id)!;
      m.adopt(e.key, owner);
      m.adopt(e.value, owner);
    }
    const shown = node.ids.join('\u0000');
    if (shown !== node.shown) {
      node.shown = shown;
      m.setContent(node.block, nodeContent(map, node));
    }
    node.edges?.forEach(own);
  };
  if (map.tree!.root) own(map.tree!.root);
}

/** `clear()`: the whole tree dropped as the map's drop does (machine.ts's drop glue), leaving an empty map. */
export function bTreeClear(m: Machine, map: MapValue): void {
  m.dropValue(map);
}

/**
 * `clone()` (std's `clone_subtree`): an empty map allocates nothing; a leaf is allocated, then
 * its entries cloned (key, value) in order; an internal node after its first subtree's clone,
 * then per key: key, value, the subtree right of it.
 */
export function bTreeClone(m: Machine, map: MapValue, cloneValue: (v: RValue) => RValue): MapValue {
  const t = map.tree!;
  const copy: MapValue = { ...map, entries: new Map(), block: null, tree: { ...t, root: null } };
  const cloneEntry = (id: string) => {
    const e = map.entries.get(id)!;
    const key = cloneValue(e.key);
    copy.entries.set(id, { key, value: cloneValue(e.value) });
  };
  const cloneNode = (node: BNode): BNode => {
    if (!node.edges) {
      const n = newNode(m, copy, false);
      for (const id of node.ids) {
        cloneEntry(id);
        n.ids.push(id);
      }
      return n;
    }
    const first = cloneNode(node.edges[0]!);
    const n = newNode(m, copy, true);
    n.edges = [first];
    node.ids.forEach((id, i) => {
      cloneEntry(id);
      const sub = cloneNode(node.edges![i + 1]!);
      n.ids.push(id);
      n.edges!.push(sub);
    });
    return n;
  };
  if (t.root && map.entries.size) copy.tree!.root = cloneNode(t.root);
  settle(m, copy);
  return copy;
}
