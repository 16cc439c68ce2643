/**
 * The memory diagram of one snapshot as an SVG string, drawn as a reader needs it (Python Tutor
 * and Aquascope are the yardsticks): static items and stack frames on the left (outermost frame
 * first, each with the line it is at), heap blocks on the right laid out along the pointers (a
 * list reads in list order; address order is a mode), values as cells (`ptr | len | cap`, one
 * cell per field or element, never cut), one arrow from each pointer cell in its own colour, the
 * heap's extents and free holes with their sizes, and what changed since the previous step:
 * new blocks, grown or moved buffers, changed cells, moved-from bindings, and the blocks freed
 * and frames popped by that step, struck out. Pure string building, no DOM: used in Node for
 * static fallbacks and in the browser by the renderer.
 *
 * Every text taken from a payload (names, types, values) goes through `escapeXml`; nothing
 * from a payload is ever written into markup raw.
 */
import { WriteMode } from '../format/events';
import type { Snapshot, SnapshotBlock, SnapshotFrame, SnapshotLocal, SnapshotStatic } from '../format/snapshot';
import type { Target, Value } from '../format/values';
import type { ViewSnapshot } from '../format/view';
import { cellKey, cellsOf, sameTarget, scalarText, type Cell } from './cells';
import { reachableBlocks } from './view';
import { themeOf, type Theme, type ThemeName } from './theme';

/** Heap layout: along the pointers from the stack (default), or by address with the holes between blocks. */
export type HeapOrder = 'pointers' | 'address';

export interface DiagramOptions {
  theme?: ThemeName;
  /** Total width in pixels (default 760, a notebook's output width). */
  width?: number;
  /** Prefix of the ids inside the SVG (arrow markers); give each SVG on a page its own. Default `memscope-<step>`. */
  idPrefix?: string;
  /** Frames drawn at most: the outermost two and the innermost rest, a note for those between. Default 12. */
  maxFrames?: number;
  /** Heap blocks drawn at most: those pointed at from drawn frames and statics first. Default 40. */
  maxBlocks?: number;
  /** Locals drawn per frame at most: the first ones, then a line saying how many more. Default 100. */
  maxLocals?: number;
  /** Aquascope's toggle: String, Vec and fat pointers as just their pointer cell. Default false. */
  compact?: boolean;
  /** Default 'pointers'. */
  heapOrder?: HeapOrder;
  /** The snapshot before this one: what changed since is marked, what it freed or popped is struck out. */
  previous?: Snapshot | ViewSnapshot;
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function hex(address: number): string {
  return `0x${Math.max(0, Math.floor(address)).toString(16)}`;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

function describeTarget(to: Target | null): string {
  if (!to) return 'null';
  if (to.region === 'heap') return `→ block #${to.block}${to.offset ? `+${to.offset}` : ''}`;
  if (to.region === 'static') return `→ static #${to.item}${to.offset ? `+${to.offset}` : ''}`;
  return `→ local (frame ${to.frame}, slot ${to.slot})`;
}

/** A value as one line of text, the way Rust's Debug would roughly show it. */
export function formatValue(value: Value | null, max = 44): string {
  return cut(valueText(value, 0), max);
}

function valueText(v: Value | null, depth: number): string {
  if (!v) return '';
  if (depth > 6) return '…';
  const inner = (x: Value): string => valueText(x, depth + 1);
  const fields = (fs: Array<[string, Value]>): string => fs.map(([n, x]) => `${n}: ${inner(x)}`).join(', ');
  switch (v.k) {
    case 'ptr':
      return `ptr ${describeTarget(v.to)}${v.len !== undefined ? ` (len ${v.len})` : ''}`;
    case 'buf':
      return `{ptr ${describeTarget(v.to)}, len ${v.len}, cap ${v.cap}}`;
    case 'struct':
      return `${v.name} { ${fields(v.fields)} }`;
    case 'tuple':
      return `(${v.items.map(inner).join(', ')})`;
    case 'array':
      return `[${v.items.map(inner).join(', ')}${v.items.length < v.len ? ', …' : ''}]`;
    case 'enum':
      return `${v.name}::${v.variant}${v.fields && v.fields.length > 0 ? `(${v.fields.map(([, x]) => inner(x)).join(', ')})` : ''}`;
    case 'rcbox':
      return `strong ${v.strong}, weak ${v.weak}: ${inner(v.value)}`;
    case 'moved':
      return '(moved)';
    case 'uninit':
      return '(uninit)';
    default:
      return scalarText(v) ?? '';
  }
}


const CHAR = 6.6; // monospace 11 px
const LABEL_CHAR = 5.2; // 9 px labels
const CELL_H = 30;
const LINE_H = 13;
const HEAD = 22;
const GAP = 10;

/** A cell placed in a box: position relative to the box's cell area. */
interface Placed {
  cell: Cell;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  changed: boolean;
}

/** Places cells left to right, wrapping rows at `width`; a text longer than a row wraps inside its cell. */
export function placeCells(cells: Cell[], width: number, before?: Cell[]): { placed: Placed[]; height: number } {
  const placed: Placed[] = [];
  const perLine = Math.max(4, Math.floor((width - 10) / CHAR));
  let x = 0;
  let y = 0;
  let rowH = 0;
  const old = before?.map(cellKey);
  cells.forEach((cell, i) => {
    const chars = [...cell.text];
    const lines: string[] = [];
    for (let at = 0; at < chars.length; at += perLine) lines.push(chars.slice(at, at + perLine).join(''));
    if (lines.length === 0) lines.push('');
    const content = Math.max(...lines.map((l) => [...l].length)) * CHAR;
    const w = Math.min(width, Math.max(cell.pointer !== undefined ? 22 : 18, content + 10, cell.label.length * LABEL_CHAR + 8));
    const h = CELL_H + (lines.length - 1) * LINE_H;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowH + 3;
      rowH = 0;
    }
    placed.push({ cell, x, y, w, h, lines, changed: old !== undefined && old[i] !== cellKey(cell) });
    x += w + 3;
    rowH = Math.max(rowH, h);
  });
  return { placed, height: cells.length === 0 ? 0 : y + rowH };
}

/** The event of a step in words (the title of the diagram). */
export function eventText(snapshot: Snapshot): string {
  const e = snapshot.event;
  if (!e) return 'before the first step';
  const localName = (frame?: number, slot?: number): string | null => {
    const f = snapshot.frames.find((x) => x.id === frame);
    return f?.locals.find((l) => l.slot === slot)?.name ?? null;
  };
  const bytes = (n: number): string => `${n} byte${n === 1 ? '' : 's'}`;
  switch (e.kind) {
    case 'call':
      // A Rust call reserves its whole frame at once (version 1 timelines: the header only).
      return `call ${e.name ?? '?'}: reserve ${bytes(e.size)} of stack`;
    case 'return':
      return `return from ${e.name ?? '?'}`;
    case 'let':
      // A local its call reserved is not initialised until its `let` runs (an `init` step).
      return e.value?.k === 'uninit' ? `${e.name ?? 'a local'}'s slot, not yet initialised` : `let ${e.name ?? '?'}`;
    case 'init':
      return `let ${e.name ?? '?'}: initialise`;
    case 'set':
      if (e.value?.k === 'uninit') return `${e.name ?? 'a local'} goes out of scope (its slot stays in the frame)`;
      return e.value?.k === 'moved' ? `${e.name ?? 'a value'} moved out` : `${e.name ?? 'a local'} changes`;
    case 'end':
      return `${e.name ?? 'a local'} goes out of scope`;
    case 'alloc':
      return `allocate ${bytes(e.size)} (block #${e.a})`;
    case 'realloc':
      return e.aux === e.addr ? `grow block #${e.a} in place to ${bytes(e.size)}` : `move block #${e.a} to a new place, ${bytes(e.size)}`;
    case 'free':
      return `free block #${e.a} (${bytes(e.size)})`;
    case 'write':
      // A text edit: the first `aux` bytes stay, the value's text follows.
      if (e.aux2 === WriteMode.TextEdit && e.value?.k === 'text') {
        return e.value.len > 0 ? `append ${bytes(e.value.len)} to the text in block #${e.a}` : `cut the text in block #${e.a} to ${bytes(e.aux)}`;
      }
      return `write into block #${e.a}`;
    case 'owner': {
      const o = e.owner;
      const who = o.kind === 'local' ? localName(o.frame, o.slot) ?? 'a local' : o.kind === 'block' ? `block #${o.block}` : o.kind === 'shared' ? 'its Rc owners' : o.kind;
      return `block #${e.a} now owned by ${who}`;
    }
    case 'output':
      return 'print';
    case 'overflow':
      return 'stack overflow';
    case 'static':
      return `place ${e.name ?? 'a literal'} in static data`;
    default:
      return e.name ? `${e.kind} ${e.name}` : e.kind;
  }
}

interface Anchor {
  /** Left and right edges and the y of an arrow's end. */
  left: number;
  right: number;
  y: number;
  side: 'left' | 'right';
}

interface Origin {
  x: number;
  y: number;
  /** Just below the cell's row: the arrow runs there to the box's edge, under the neighbouring cells' text. */
  below: number;
  /** Right edge of the box the pointer cell sits in: arrows leave from there. */
  edge: number;
  side: 'left' | 'right';
}

/** Pointer layout: blocks in the order a reader meets them following the pointers depth first; the rest by address. */
export function pointerOrder(roots: Array<Target | null | undefined>, blocks: SnapshotBlock[], cellsOfBlock: (b: SnapshotBlock) => Cell[]): SnapshotBlock[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const seen = new Set<number>();
  const order: SnapshotBlock[] = [];
  const visit = (to: Target | null | undefined): void => {
    if (!to || to.region !== 'heap' || seen.has(to.block)) return;
    const b = byId.get(to.block);
    if (!b) return;
    seen.add(b.id);
    order.push(b);
    for (const c of cellsOfBlock(b)) visit(c.pointer);
  };
  for (const r of roots) visit(r);
  for (const b of blocks) if (!seen.has(b.id)) order.push(b);
  return order;
}

/** Extents of the heap from the lowest block to the highest end: blocks and the free holes between them. */
export function heapExtents(blocks: Array<{ id: number; address: number; size: number; freed?: boolean }>): Array<{ address: number; size: number; block: number | null; freed: boolean }> {
  const sorted = blocks.slice().sort((a, b) => a.address - b.address);
  const out: Array<{ address: number; size: number; block: number | null; freed: boolean }> = [];
  let end = sorted.length > 0 ? sorted[0]!.address : 0;
  for (const b of sorted) {
    if (b.address > end) out.push({ address: end, size: b.address - end, block: null, freed: false });
    out.push({ address: b.address, size: b.size, block: b.id, freed: b.freed === true });
    end = Math.max(end, b.address + b.size);
  }
  return out;
}

/**
 *   const svg = diagramSvg(timeline.snapshot(step), { theme: 'dark', previous: timeline.snapshot(step - 1) });
 */
export function diagramSvg(snapshot: Snapshot | ViewSnapshot, options: DiagramOptions = {}): string {
  const theme = themeOf(options.theme);
  const width = Math.max(480, options.width ?? 760);
  const prefix = (options.idPrefix ?? `memscope-${snapshot.step}`).replace(/[^A-Za-z0-9_-]/g, '_');
  const cellOptions = { compact: options.compact ?? false };
  const previous = options.previous && options.previous.step < snapshot.step ? options.previous : undefined;
  const margin = 10;
  const colGap = 64;
  // Room right of the heap column for arrows between blocks.
  const gutter = 44;
  const colWidth = (width - 2 * margin - colGap - gutter) / 2;
  const leftX = margin;
  const rightX = margin + colWidth + colGap;
  const inner = colWidth - 16;
  /** Whether a left text and a right text (at their character widths) share a header row of the column. */
  const fits = (left: string, leftChar: number, right: string, rightChar: number): boolean => [...left].length * leftChar + [...right].length * rightChar + 28 <= colWidth;

  const out: string[] = [];
  const text = (x: number, y: number, content: string, attrs = ''): void => {
    out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs}>${escapeXml(content)}</text>`);
  };
  const anchors = new Map<string, Anchor>();
  const origins = new Map<string, Origin[]>();
  const key = (t: Target | PointerFrom): string =>
    t.region === 'heap' ? `h${t.block}` : t.region === 'static' ? `s${t.item}` : `l${t.frame}:${t.slot}`;

  // What the previous step had, to mark what changed.
  const prevBlocks = new Map((previous?.blocks ?? []).map((b) => [b.id, b]));
  const prevLocals = new Map<string, SnapshotLocal>();
  for (const f of previous?.frames ?? []) for (const l of f.locals) prevLocals.set(`${f.id}:${l.slot}`, l);
  const prevFrames = new Set((previous?.frames ?? []).map((f) => f.id));

  /** Draws cells at (x, y) inside a box, registers pointer origins under `from`; returns the height. */
  const drawCells = (cells: Cell[], x: number, y: number, boxRight: number, side: 'left' | 'right', from: string, before?: Cell[], faded = false): number => {
    const { placed, height } = placeCells(cells, inner, before);
    for (const p of placed) {
      const cx = x + p.x;
      const cy = y + p.y;
      const changed = p.changed && !faded;
      out.push(`<g class="ms-cell${changed ? ' ms-changed' : ''}"${changed ? ' data-change="changed"' : ''} data-label="${escapeXml(p.cell.label)}">`);
      out.push(`<rect x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" width="${p.w.toFixed(1)}" height="${p.h}" rx="2" fill="${changed ? theme.changed : theme.background}" stroke="${changed ? theme.accent : theme.line}"${changed ? ' stroke-width="1.5"' : ''}/>`);
      if (p.cell.label) text(cx + 4, cy + 9, p.cell.label, ` font-size="8.5" fill="${theme.muted}"`);
      const colour = p.cell.faded || faded ? theme.muted : theme.text;
      if (p.cell.pointer !== undefined) {
        if (p.cell.pointer === null) text(cx + p.w / 2, cy + 23, 'null', ` text-anchor="middle" font-family="monospace" font-size="10" fill="${theme.muted}"`);
        else {
          const dot = { x: cx + p.w / 2, y: cy + 19 };
          out.push(`<circle class="ms-dot" cx="${dot.x.toFixed(1)}" cy="${dot.y.toFixed(1)}" r="3.5" fill="${theme.text}"/>`);
          const list = origins.get(from) ?? [];
          list.push({ x: dot.x, y: dot.y, below: cy + p.h + 3, edge: boxRight, side });
          (list as Array<Origin & { to?: Target }>)[list.length - 1]!.to = p.cell.pointer;
          origins.set(from, list);
        }
      } else {
        p.lines.forEach((line, i) => text(cx + 5, cy + 22 + i * LINE_H, line, ` font-family="monospace" font-size="11" fill="${colour}"${p.cell.faded || faded ? ' font-style="italic"' : ''}`));
      }
      out.push('</g>');
    }
    return height;
  };

  /** One local or static: `name: type` and its address, then its value's cells. */
  const slot = (x: number, y: number, name: string, type: string, address: number, value: Value | null, from: string, attrs: string, before: Value | null | undefined, isNew: boolean): number => {
    const cells = cellsOf(value, cellOptions);
    const moved = value?.k === 'moved';
    const movedNow = moved && before !== undefined && before?.k !== 'moved';
    const change = isNew ? 'new' : movedNow ? 'moved' : '';
    out.push(`<g class="ms-slot${moved ? ' ms-moved' : ''}${change ? ' ms-changed' : ''}" ${attrs}${change ? ` data-change="${change}"` : ''}${moved ? ' opacity="0.5"' : ''}>`);
    out.push(`<line x1="${(x + 4).toFixed(1)}" y1="${y.toFixed(1)}" x2="${(x + colWidth - 4).toFixed(1)}" y2="${y.toFixed(1)}" stroke="${theme.grid}"/>`);
    const label = `${name}: ${type}`;
    text(x + 8, y + 13, label, ` fill="${theme.text}"`);
    const note = change === 'new' ? 'new · ' : moved ? 'moved out · ' : '';
    // The address beside the name, or on a line of its own when a long name leaves no room.
    const right = `${note}${hex(address)}`;
    const own = fits(label, 7, right, 5.6) ? 0 : 12;
    text(x + colWidth - 8, y + 13 + own, right, ` text-anchor="end" font-family="monospace" font-size="9" fill="${change ? theme.accent : theme.muted}"`);
    const h = drawCells(cells, x + 8, y + 18 + own, x + colWidth, 'left', from, before === undefined || isNew ? undefined : cellsOf(before, cellOptions), moved);
    out.push('</g>');
    return 18 + own + h + 6;
  };

  // Title: the step and its event, in words.
  let y = margin + 14;
  const e = snapshot.event;
  text(margin, y, `step ${snapshot.step} · ${eventText(snapshot)}${e && e.line !== null ? ` (line ${e.line})` : ''}`, ` class="ms-title" font-weight="bold" fill="${theme.text}"`);
  y += 14;

  // Left column: statics, then frames.
  let ly = y + GAP;
  const sectionLabel = (x: number, at: number, label: string): void => text(x, at, label, ` class="ms-section" fill="${theme.muted}" font-size="11"`);
  if (snapshot.statics.length > 0) {
    sectionLabel(leftX, ly + 10, 'static data');
    ly += 16;
    const top = ly;
    const boxAt = out.length;
    let sy = top + 3;
    const prevStatics = new Set((previous?.statics ?? []).map((s) => s.id));
    snapshot.statics.forEach((s: SnapshotStatic) => {
      const rowY = sy;
      sy += slot(leftX, rowY, s.name, s.type, s.address, s.value, `s${s.id}`, `data-static="${s.id}"`, undefined, previous !== undefined && !prevStatics.has(s.id));
      anchors.set(`s${s.id}`, { left: leftX, right: leftX + colWidth, y: rowY + 9, side: 'left' });
    });
    out.splice(boxAt, 0, box(leftX, top, colWidth, sy - top + 3, theme, 'ms-static'));
    ly = sy + 3 + GAP;
  }
  sectionLabel(leftX, ly + 10, 'stack (outermost frame first)');
  ly += 16;
  if (snapshot.frames.length === 0) {
    text(leftX + 8, ly + 14, '(no frames)', ` fill="${theme.muted}" font-size="11"`);
    ly += 30;
  }
  // Deep recursion: keep the outermost two and the innermost frames, and say how many are left out.
  // A view's snapshot may already lack the middle of the stack (omittedFrames, after the first two).
  const maxFrames = Math.max(3, options.maxFrames ?? 12);
  const maxLocals = Math.max(1, options.maxLocals ?? 100);
  const omitted = (snapshot as ViewSnapshot).omittedFrames?.count ?? 0;
  let frames: Array<SnapshotFrame | { skipped: number }> = snapshot.frames;
  if (snapshot.frames.length > maxFrames) {
    const innermost = maxFrames - 2;
    frames = [...snapshot.frames.slice(0, 2), { skipped: omitted + snapshot.frames.length - maxFrames }, ...snapshot.frames.slice(-innermost)];
  } else if (omitted > 0) {
    const after = (snapshot as ViewSnapshot).omittedFrames!.after;
    frames = [...snapshot.frames.slice(0, after), { skipped: omitted }, ...snapshot.frames.slice(after)];
  }
  // The line each frame is at: the innermost at the step's line, every other at its call of the next.
  const lineOf = new Map<number, number | null>();
  snapshot.frames.forEach((f, i) => lineOf.set(f.id, i + 1 < snapshot.frames.length ? snapshot.frames[i + 1]!.line : e?.line ?? null));
  frames.forEach((f) => {
    if ('skipped' in f) {
      text(leftX + 8, ly + 14, `… ${f.skipped} frame${f.skipped === 1 ? '' : 's'} not drawn …`, ` fill="${theme.muted}" font-size="11"`);
      ly += 30;
      return;
    }
    const top = ly;
    const boxAt = out.length;
    const isNew = previous !== undefined && !prevFrames.has(f.id);
    const line = lineOf.get(f.id);
    const frameTitle = `${f.fn}${line !== null && line !== undefined ? ` · line ${line}` : ''}`;
    text(leftX + 8, top + 15, frameTitle, ` class="ms-frame-title" font-weight="bold" fill="${theme.text}"`);
    const frameRight = `${isNew ? 'new · ' : ''}${fits(frameTitle, 7.6, `${hex(f.address)} · ${f.size} B`, 6.2) ? `${hex(f.address)} · ` : ''}${f.size} B`;
    text(leftX + colWidth - 8, top + 15, frameRight, ` text-anchor="end" fill="${isNew ? theme.accent : theme.muted}" font-size="10" font-family="monospace"`);
    let fy = top + HEAD;
    // A frame with thousands of locals (a generated program, a hostile payload) is summarised, not drawn row by row.
    const shown = f.locals.length > maxLocals ? f.locals.slice(0, maxLocals) : f.locals;
    shown.forEach((l: SnapshotLocal) => {
      const rowY = fy;
      const was = prevLocals.get(`${f.id}:${l.slot}`);
      fy += slot(leftX, rowY, l.name, l.type, l.address, l.value, `l${f.id}:${l.slot}`, `data-frame="${f.id}" data-slot="${l.slot}"`,
        was ? was.value : previous ? null : undefined, previous !== undefined && !was);
      anchors.set(`l${f.id}:${l.slot}`, { left: leftX, right: leftX + colWidth, y: rowY + 9, side: 'left' });
    });
    if (shown.length < f.locals.length) {
      const more = f.locals.length - shown.length;
      text(leftX + 8, fy + 14, `… ${more.toLocaleString('en-US')} more local${more === 1 ? '' : 's'} not drawn`, ` class="ms-more-locals" fill="${theme.muted}" font-size="11"`);
      fy += 22;
    }
    const h = Math.max(HEAD + 4, fy - top + 4);
    out.splice(boxAt, 0, box(leftX, top, colWidth, h, theme, 'ms-frame', `data-frame="${f.id}"${isNew ? ' data-change="new"' : ''}`, isNew ? theme.accent : undefined));
    ly = top + h + 6;
  });
  // Frames the previous step had and this one popped: struck out once.
  for (const f of previous?.frames ?? []) {
    if (snapshot.frames.some((x) => x.id === f.id)) continue;
    ghost(out, leftX, ly, colWidth, 30, theme, `data-frame="${f.id}" data-change="popped"`);
    text(leftX + 8, ly + 19, `${f.fn} returned`, ` fill="${theme.muted}" text-decoration="line-through"`);
    ly += 36;
  }

  // Right column: heap blocks.
  let ry = y + GAP;
  const order: HeapOrder = options.heapOrder ?? 'pointers';
  const blockCount = snapshot.blocks.length + ((snapshot as ViewSnapshot).omittedBlocks ?? 0);
  sectionLabel(rightX, ry + 10, `heap (${blockCount} block${blockCount === 1 ? '' : 's'}, ${order === 'address' ? 'address order' : 'along the pointers'})`);
  ry += 16;
  const cellsOfBlock = (b: SnapshotBlock): Cell[] => cellsOf(b.value, cellOptions);
  const drawable = chooseBlocks(snapshot, Math.max(1, options.maxBlocks ?? 40));
  const freed = (previous?.blocks ?? []).filter((b) => !snapshot.blocks.some((x) => x.id === b.id));

  // The heap's extents: blocks (freed ones hatched) and the holes between them, with sizes.
  const extents = heapExtents([...snapshot.blocks, ...freed.map((b) => ({ ...b, freed: true }))]);
  if (extents.length > 0) ry = drawExtents(out, extents, rightX, ry, colWidth, theme) + 6;

  const roots: Array<Target | null | undefined> = [];
  for (const s of snapshot.statics) for (const c of cellsOf(s.value, cellOptions)) roots.push(c.pointer);
  for (const f of snapshot.frames) for (const l of f.locals) for (const c of cellsOf(l.value, cellOptions)) roots.push(c.pointer);
  const placedBlocks: Array<SnapshotBlock & { ghost?: true }> = order === 'address'
    ? [...drawable, ...freed.map((b) => ({ ...b, ghost: true as const }))].sort((a, b) => a.address - b.address)
    : [...pointerOrder(roots, drawable, cellsOfBlock), ...freed.map((b) => ({ ...b, ghost: true as const }))];
  let lastEnd: number | null = null;
  placedBlocks.forEach((b, i) => {
    if (order === 'address' && lastEnd !== null && b.address > lastEnd) {
      // A hole between two blocks, with its size.
      const size = b.address - lastEnd;
      out.push(`<g class="ms-hole" data-size="${size}"><rect x="${rightX.toFixed(1)}" y="${ry.toFixed(1)}" width="${colWidth.toFixed(1)}" height="18" rx="3" fill="url(#${prefix}-hatch)" stroke="${theme.line}" stroke-dasharray="3 2"/>`);
      text(rightX + 8, ry + 13, `free ${size} B at ${hex(lastEnd)}`, ` fill="${theme.muted}" font-size="10"`);
      out.push('</g>');
      ry += 24;
    }
    lastEnd = Math.max(lastEnd ?? 0, b.address + b.size);
    const top = ry;
    const boxAt = out.length;
    const was = prevBlocks.get(b.id);
    const change = b.ghost ? 'freed' : previous === undefined ? '' : !was ? 'new' : was.address !== b.address ? 'moved' : was.size !== b.size ? 'grown' : '';
    const title = `#${b.id} ${b.type}`;
    text(rightX + 8, top + 15, title, ` font-weight="bold" fill="${b.ghost ? theme.muted : theme.text}"${b.ghost ? ' text-decoration="line-through"' : ''}`);
    text(rightX + colWidth - 8, top + 15, `${fits(title, 7.6, `${hex(b.address)} · ${b.size} B`, 6.2) ? `${hex(b.address)} · ` : ''}${b.size} B`, ` text-anchor="end" fill="${theme.muted}" font-size="10" font-family="monospace"`);
    let by = top + HEAD;
    const badge = change === 'new' ? 'new block'
      : change === 'moved' ? `moved from ${hex(was!.address)}, ${was!.size} → ${b.size} B`
      : change === 'grown' ? `grown ${was!.size} → ${b.size} B`
      : change === 'freed' ? 'freed by this step' : '';
    if (badge) {
      text(rightX + 8, by + 8, badge, ` class="ms-badge" font-size="10" font-weight="bold" fill="${change === 'freed' ? theme.danger : theme.accent}"`);
      by += 14;
    }
    by += drawCells(cellsOfBlock(b), rightX + 8, by, rightX + colWidth, 'right', `h${b.id}`, was && !b.ghost ? cellsOf(was.value, cellOptions) : undefined, b.ghost === true);
    const footer = b.ghost ? '' : `${ownerText(b)}${usedText(b)}`;
    if (footer) {
      text(rightX + 8, by + 13, footer, ` fill="${theme.muted}" font-size="10"`);
      by += 16;
    }
    const h = by - top + 6;
    if (b.ghost) {
      out.splice(boxAt, 0, `<g class="ms-block ms-freed" data-block="${b.id}" data-change="freed" data-order="${i}">`);
      ghost(out, rightX, top, colWidth, h, theme, '');
      out.push(`<line x1="${rightX.toFixed(1)}" y1="${(top + h).toFixed(1)}" x2="${(rightX + colWidth).toFixed(1)}" y2="${top.toFixed(1)}" stroke="${theme.danger}" stroke-width="1.2" opacity="0.7"/>`, '</g>');
    } else {
      out.splice(boxAt, 0, `<g class="ms-block-group" data-order="${i}">`, box(rightX, top, colWidth, h, theme, 'ms-block', `data-block="${b.id}"${change ? ` data-change="${change}"` : ''}`, change ? theme.accent : undefined));
      out.push('</g>');
    }
    anchors.set(`h${b.id}`, { left: rightX, right: rightX + colWidth, y: top + 11, side: 'right' });
    ry = top + h + 8;
  });
  const notDrawn = snapshot.blocks.length - drawable.length + ((snapshot as ViewSnapshot).omittedBlocks ?? 0);
  if (notDrawn > 0) {
    text(rightX + 8, ry + 14, `… ${notDrawn} more block${notDrawn === 1 ? '' : 's'} not drawn`, ` fill="${theme.muted}" font-size="11"`);
    ry += 30;
  }
  if (snapshot.blocks.length === 0 && freed.length === 0) {
    text(rightX + 8, ry + 14, '(empty)', ` fill="${theme.muted}" font-size="11"`);
    ry += 30;
  }

  // Freed targets of dangling pointers get a dashed placeholder so their arrows end somewhere.
  for (const p of snapshot.pointers) {
    if (!p.dangling || p.to.region !== 'heap' || anchors.has(`h${p.to.block}`) || !origins.has(key(p.from))) continue;
    ghost(out, rightX, ry, colWidth, 36, theme, `data-block="${p.to.block}"`);
    text(rightX + 8, ry + 17, `block #${p.to.block}: freed`, ` fill="${theme.danger}" font-size="11"`);
    anchors.set(`h${p.to.block}`, { left: rightX, right: rightX + colWidth, y: ry + 13, side: 'right' });
    ry += 44;
  }

  // Arrows, drawn last so they sit above the boxes: one per pointer, from its own cell, each in its own colour.
  const arrows: string[] = [];
  const used = new Set<Origin>();
  const colours = theme.arrows;
  snapshot.pointers.forEach((p, n) => {
    const to = anchors.get(key(p.to));
    const candidates = (origins.get(key(p.from)) ?? []) as Array<Origin & { to?: Target }>;
    const from = candidates.find((o) => !used.has(o) && sameTarget(o.to, p.to)) ?? candidates.find((o) => !used.has(o));
    if (!from || !to) return;
    used.add(from);
    const danger = p.dangling === true;
    const colourIndex = n % colours.length;
    const colour = danger ? theme.danger : colours[colourIndex]!;
    let d: string;
    // Down out of the dot's cell, then along under the row to the box's edge.
    const start = `M${from.x.toFixed(1)},${from.y.toFixed(1)} L${from.x.toFixed(1)},${from.below.toFixed(1)}`;
    const fy = from.below;
    if (from.side === 'left' && to.side === 'right') {
      const out1 = from.edge + 4;
      d = `${start} L${out1.toFixed(1)},${fy.toFixed(1)} C${(out1 + colGap / 2).toFixed(1)},${fy.toFixed(1)} ${(to.left - colGap / 2).toFixed(1)},${to.y.toFixed(1)} ${(to.left - 2).toFixed(1)},${to.y.toFixed(1)}`;
    } else {
      // Same column (a block pointing at a block, a reference to a static or a local): a loop out to the right.
      const room = from.side === 'right' ? gutter - 6 : colGap - 10;
      const bulge = Math.max(from.edge, to.right) + Math.min(room, 14 + Math.abs(to.y - fy) / 8 + (n % 4) * 3);
      d = `${start} L${from.edge.toFixed(1)},${fy.toFixed(1)} C${bulge.toFixed(1)},${fy.toFixed(1)} ${bulge.toFixed(1)},${to.y.toFixed(1)} ${(to.right + 2).toFixed(1)},${to.y.toFixed(1)}`;
    }
    arrows.push(`<path class="ms-pointer${danger ? ' ms-dangling' : ''}" d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"${danger ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#${prefix}-${danger ? 'danger' : `arrow${colourIndex}`})"/>`);
  });

  const height = Math.ceil(Math.max(ly, ry) + margin);
  const marker = (id: string, colour: string): string =>
    `<marker id="${prefix}-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  const hatch = `<pattern id="${prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${theme.background}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${theme.grid}" stroke-width="2"/></pattern>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="memscope-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<defs>${colours.map((c, i) => marker(`arrow${i}`, c)).join('')}${marker('danger', theme.danger)}${hatch}</defs>`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
    ...out,
    ...arrows,
    '</svg>',
  ].join('');

  /** The strip of heap extents: each block and hole at least a few pixels wide, holes labelled with their size. */
  function drawExtents(into: string[], list: ReturnType<typeof heapExtents>, x: number, top: number, w: number, t: Theme): number {
    const minW = Math.min(14, w / list.length);
    const total = list.reduce((s, x2) => s + x2.size, 0) || 1;
    const spare = Math.max(0, w - minW * list.length);
    let cx = x;
    const holes: string[] = [];
    into.push(`<g class="ms-extents">`);
    for (const seg of list) {
      const sw = minW + (spare * seg.size) / total;
      const fill = seg.block === null ? `url(#${prefix}-hatch)` : seg.freed ? t.background : t.panel;
      into.push(`<rect class="${seg.block === null ? 'ms-hole' : 'ms-extent'}" data-size="${seg.size}"${seg.block !== null ? ` data-block="${seg.block}"` : ''} x="${cx.toFixed(1)}" y="${top.toFixed(1)}" width="${sw.toFixed(1)}" height="16" fill="${fill}" stroke="${seg.freed ? t.danger : t.line}"${seg.freed ? ' stroke-dasharray="3 2"' : ''}/>`);
      const label = seg.block === null ? `${seg.size} B free` : `#${seg.block}`;
      if (label.length * 5.4 + 4 < sw) into.push(`<text x="${(cx + sw / 2).toFixed(1)}" y="${(top + 12).toFixed(1)}" text-anchor="middle" font-size="9" fill="${seg.block === null ? t.text : t.muted}">${escapeXml(label)}</text>`);
      if (seg.block === null) holes.push(`${seg.size} B`);
      cx += sw;
    }
    into.push('</g>');
    const caption = holes.length === 0
      ? 'heap extents: no holes between blocks'
      : `free holes between blocks: ${holes.slice(0, 8).join(', ')}${holes.length > 8 ? `, … (${holes.length})` : ''}`;
    into.push(`<text class="ms-holes" x="${x.toFixed(1)}" y="${(top + 28).toFixed(1)}" font-size="10" fill="${t.muted}">${escapeXml(cut(caption, Math.floor(w / 5.4)))}</text>`);
    return top + 34;
  }
}

type PointerFrom = Snapshot['pointers'][number]['from'];

/** The blocks to draw when there are too many: those slots reach first. */
function chooseBlocks(snapshot: Snapshot, max: number): SnapshotBlock[] {
  if (snapshot.blocks.length <= max) return snapshot.blocks;
  const chosen = reachableBlocks(snapshot, max);
  return snapshot.blocks.filter((b) => chosen.has(b.id));
}

function ownerText(b: SnapshotBlock): string {
  const o = b.owner;
  switch (o.kind) {
    case 'local':
      return o.name ? `owned by ${o.name}` : `owned by a local (frame ${o.frame}, slot ${o.slot})`;
    case 'block':
      return `owned by block #${o.block}`;
    case 'static':
      return `owned by static #${o.item}`;
    case 'shared':
      return 'shared (Rc)';
    default:
      return 'no owner yet';
  }
}

/** How much of a string buffer its text uses: `5 of 8 bytes used`. */
function usedText(b: SnapshotBlock): string {
  const v = b.value;
  if (v?.k === 'text' && v.len !== b.size) return ` · ${v.len} of ${b.size} bytes used`;
  return '';
}

function box(x: number, y: number, w: number, h: number, theme: Theme, cls: string, attrs = '', stroke?: string): string {
  return `<rect class="${cls}" ${attrs} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="${theme.panel}" stroke="${stroke ?? theme.line}"${stroke ? ' stroke-width="2"' : ''}/>`;
}

/** A dashed outline: something this step removed. */
function ghost(out: string[], x: number, y: number, w: number, h: number, theme: Theme, attrs: string): void {
  out.push(`<rect class="ms-ghost" ${attrs} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="none" stroke="${theme.danger}" stroke-dasharray="4 3"/>`);
}
