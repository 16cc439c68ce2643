/**
 * The memory diagram of one snapshot as an SVG string: static items and stack frames on the
 * left (outermost frame first), heap blocks on the right in address order, an arrow from each
 * pointer to what it points at (found by stable ids, so the picture does not jump between
 * steps; dangling pointers dashed and red). Pure string building, no DOM: used in Node for
 * static fallbacks and in the browser by the renderer.
 *
 * Every text taken from a payload (names, types, values) goes through `escapeXml`; nothing
 * from a payload is ever written into markup raw.
 */
import type { BlockView, FrameView, LocalView, Snapshot, StaticView } from '../engine/timeline/snapshot';
import type { Target, Value } from '../format/values';
import type { ViewSnapshot } from '../format/view';
import { reachableBlocks } from './view';
import { themeOf, type Theme, type ThemeName } from './theme';

export interface DiagramOptions {
  theme?: ThemeName;
  /** Total width in pixels (default 760, a notebook's output width). */
  width?: number;
  /** Prefix of the ids inside the SVG (arrow markers); give each SVG on a page its own. Default `memscope-<step>`. */
  idPrefix?: string;
  /** Characters of a value shown on one line (longer ones are cut with …). Default 44. */
  valueChars?: number;
  /** Frames drawn at most: the outermost two and the innermost rest, a note for those between. Default 12. */
  maxFrames?: number;
  /** Heap blocks drawn at most: those pointed at from drawn frames and statics first, then in address order. Default 40. */
  maxBlocks?: number;
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
    case 'int':
    case 'float':
      return String(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'char':
      return `'${v.v}'`;
    case 'unit':
      return '()';
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
    case 'text':
      return JSON.stringify(v.v);
    case 'rcbox':
      return `strong ${v.strong}, weak ${v.weak}: ${inner(v.value)}`;
    case 'moved':
      return '(moved)';
    case 'uninit':
      return '(uninit)';
  }
}

/** Lines a heap block's contents take in its box: strings and buffers wrap, Rc boxes show their counters. */
function blockLines(block: BlockView, chars: number): string[] {
  const v = block.value;
  const wrap = (text: string, rows: number): string[] => {
    const chunks: string[] = [];
    const all = [...text];
    for (let i = 0; i < all.length && chunks.length < rows; i += chars) chunks.push(all.slice(i, i + chars).join(''));
    if (all.length > rows * chars) chunks[rows - 1] = cut(chunks[rows - 1]!, chars);
    return chunks;
  };
  if (!v) return ['(contents not recorded)'];
  switch (v.k) {
    case 'text':
      return [...wrap(JSON.stringify(v.v), 3), `len ${v.len} bytes`];
    case 'array':
      return [...wrap(v.items.map((x) => valueText(x, 1)).join(', ') + (v.items.length < v.len ? ', …' : ''), 3), `${v.len} items`];
    case 'rcbox':
      return [`strong ${v.strong} · weak ${v.weak}`, ...wrap(valueText(v.value, 1), 2)];
    default:
      return wrap(valueText(v, 0), 3);
  }
}

const ROW = 30;
const HEAD = 22;
const GAP = 12;
const CHAR = 7.2;

interface Anchor {
  x: number;
  y: number;
  /** Column: left (statics, stack) or right (heap). */
  side: 'left' | 'right';
}

/**
 *   const svg = diagramSvg(timeline.snapshot(step), { theme: 'dark' });
 */
export function diagramSvg(snapshot: Snapshot | ViewSnapshot, options: DiagramOptions = {}): string {
  const theme = themeOf(options.theme);
  const width = Math.max(480, options.width ?? 760);
  const prefix = (options.idPrefix ?? `memscope-${snapshot.step}`).replace(/[^A-Za-z0-9_-]/g, '_');
  const valueChars = options.valueChars ?? 44;
  const margin = 10;
  const colGap = 70;
  // Room right of the heap column for arrows between blocks.
  const gutter = 40;
  const colWidth = (width - 2 * margin - colGap - gutter) / 2;
  const leftX = margin;
  const rightX = margin + colWidth + colGap;
  const chars = Math.floor((colWidth - 16) / CHAR);

  const out: string[] = [];
  const text = (x: number, y: number, content: string, attrs = ''): void => {
    out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs}>${escapeXml(content)}</text>`);
  };
  const anchors = new Map<string, Anchor>();
  const key = (t: Target | PointerFrom): string =>
    t.region === 'heap' ? `h${t.block}` : t.region === 'static' ? `s${t.item}` : `l${t.frame}:${t.slot}`;

  // Title: the step and its event.
  let y = margin + 14;
  const e = snapshot.event;
  const title = e
    ? `step ${snapshot.step} · ${e.kind}${e.name ? ` ${e.name}` : ''}${e.line !== null ? ` (line ${e.line})` : ''}`
    : 'before the first step';
  text(margin, y, title, ` class="ms-title" font-weight="bold" fill="${theme.text}"`);
  y += 14;

  // Left column: statics, then frames.
  let ly = y + GAP;
  const sectionLabel = (x: number, at: number, label: string): void => text(x, at, label, ` class="ms-section" fill="${theme.muted}" font-size="11"`);
  if (snapshot.statics.length > 0) {
    sectionLabel(leftX, ly + 10, 'static data');
    ly += 16;
    const h = snapshot.statics.length * ROW + 6;
    out.push(box(leftX, ly, colWidth, h, theme, 'ms-static'));
    snapshot.statics.forEach((s: StaticView, i) => {
      const rowY = ly + 3 + i * ROW;
      row(out, leftX, rowY, colWidth, `${s.name}: ${s.type}`, formatValue(s.value, valueChars), hex(s.address), theme, `data-static="${s.id}"`);
      anchors.set(`s${s.id}`, { x: leftX, y: rowY + ROW / 2, side: 'left' });
    });
    ly += h + GAP;
  }
  sectionLabel(leftX, ly + 10, 'stack (outermost frame first)');
  ly += 16;
  if (snapshot.frames.length === 0) {
    text(leftX + 8, ly + 14, '(no frames)', ` fill="${theme.muted}" font-size="11"`);
    ly += ROW;
  }
  // Deep recursion: keep the outermost two and the innermost frames, and say how many are left out.
  // A view's snapshot may already lack the middle of the stack (omittedFrames, after the first two).
  const maxFrames = Math.max(3, options.maxFrames ?? 12);
  const before = (snapshot as ViewSnapshot).omittedFrames?.count ?? 0;
  let frames: Array<FrameView | { skipped: number }> = snapshot.frames;
  if (snapshot.frames.length > maxFrames) {
    const inner = maxFrames - 2;
    frames = [...snapshot.frames.slice(0, 2), { skipped: before + snapshot.frames.length - maxFrames }, ...snapshot.frames.slice(-inner)];
  } else if (before > 0) {
    const after = (snapshot as ViewSnapshot).omittedFrames!.after;
    frames = [...snapshot.frames.slice(0, after), { skipped: before }, ...snapshot.frames.slice(after)];
  }
  frames.forEach((f) => {
    if ('skipped' in f) {
      text(leftX + 8, ly + 14, `… ${f.skipped} frames not drawn …`, ` fill="${theme.muted}" font-size="11"`);
      ly += ROW;
      return;
    }
    const h = HEAD + f.locals.length * ROW + 6;
    out.push(box(leftX, ly, colWidth, h, theme, 'ms-frame', `data-frame="${f.id}"`));
    text(leftX + 8, ly + 15, `${f.fn}${f.line !== null ? ` · line ${f.line}` : ''}`, ` font-weight="bold" fill="${theme.text}"`);
    text(leftX + colWidth - 8, ly + 15, `${hex(f.address)} · ${f.size} B`, ` text-anchor="end" fill="${theme.muted}" font-size="10" font-family="monospace"`);
    f.locals.forEach((l: LocalView, i) => {
      const rowY = ly + HEAD + i * ROW;
      row(out, leftX, rowY, colWidth, `${l.name}: ${l.type}`, formatValue(l.value, valueChars), hex(l.address), theme, `data-frame="${f.id}" data-slot="${l.slot}"`);
      anchors.set(`l${f.id}:${l.slot}`, { x: leftX, y: rowY + ROW / 2, side: 'left' });
    });
    ly += h + 6;
  });

  // Right column: heap blocks.
  let ry = y + GAP;
  const blockCount = snapshot.blocks.length + ((snapshot as ViewSnapshot).omittedBlocks ?? 0);
  sectionLabel(rightX, ry + 10, `heap (${blockCount} block${blockCount === 1 ? '' : 's'}, address order)`);
  ry += 16;
  const blocks = chooseBlocks(snapshot, anchors, Math.max(1, options.maxBlocks ?? 40));
  for (const b of blocks) {
    const lines = blockLines(b, chars);
    const h = HEAD + lines.length * 16 + 18;
    out.push(box(rightX, ry, colWidth, h, theme, 'ms-block', `data-block="${b.id}"`));
    text(rightX + 8, ry + 15, `#${b.id} ${cut(b.type, Math.max(8, chars - 18))}`, ` font-weight="bold" fill="${theme.text}"`);
    text(rightX + colWidth - 8, ry + 15, `${hex(b.address)} · ${b.size} B`, ` text-anchor="end" fill="${theme.muted}" font-size="10" font-family="monospace"`);
    lines.forEach((line, i) => text(rightX + 8, ry + HEAD + 12 + i * 16, line, ` font-family="monospace" font-size="11" fill="${theme.text}"`));
    text(rightX + 8, ry + h - 6, `owner: ${ownerText(b)}`, ` fill="${theme.muted}" font-size="10"`);
    anchors.set(`h${b.id}`, { x: rightX, y: ry + 12, side: 'right' });
    ry += h + 8;
  }
  const notDrawn = snapshot.blocks.length - blocks.length + ((snapshot as ViewSnapshot).omittedBlocks ?? 0);
  if (notDrawn > 0) {
    text(rightX + 8, ry + 14, `… ${notDrawn} more blocks not drawn`, ` fill="${theme.muted}" font-size="11"`);
    ry += ROW;
  }
  if (snapshot.blocks.length === 0) {
    text(rightX + 8, ry + 14, '(empty)', ` fill="${theme.muted}" font-size="11"`);
    ry += ROW;
  }

  // Freed targets of dangling pointers get a dashed placeholder so their arrows end somewhere.
  for (const p of snapshot.pointers) {
    if (!p.dangling || p.to.region !== 'heap' || anchors.has(`h${p.to.block}`) || !anchors.has(key(p.from))) continue;
    out.push(`<rect class="ms-freed" x="${rightX}" y="${ry}" width="${colWidth.toFixed(1)}" height="${ROW + 6}" rx="4" fill="none" stroke="${theme.danger}" stroke-dasharray="4 3"/>`);
    text(rightX + 8, ry + 17, `block #${p.to.block}: freed`, ` fill="${theme.danger}" font-size="11"`);
    anchors.set(`h${p.to.block}`, { x: rightX, y: ry + 13, side: 'right' });
    ry += ROW + 14;
  }

  // Arrows, drawn last so they sit above the boxes.
  const arrows: string[] = [];
  for (const p of snapshot.pointers) {
    const from = anchors.get(key(p.from));
    const to = anchors.get(key(p.to));
    if (!from || !to) continue;
    const danger = p.dangling === true;
    const colour = danger ? theme.danger : theme.palette[0];
    const start = { x: from.x + colWidth, y: from.y };
    let d: string;
    if (from.side === 'left' && to.side === 'right') {
      const end = { x: to.x, y: to.y };
      d = `M${start.x.toFixed(1)},${start.y.toFixed(1)} C${(start.x + colGap / 2).toFixed(1)},${start.y.toFixed(1)} ${(end.x - colGap / 2).toFixed(1)},${end.y.toFixed(1)} ${(end.x - 2).toFixed(1)},${end.y.toFixed(1)}`;
    } else {
      // Same column (a block pointing at a block, a reference to a static or a local): a loop out to the right.
      const end = { x: to.x + colWidth, y: to.y };
      const room = from.side === 'right' ? gutter - 6 : colGap - 10;
      const bulge = start.x + Math.min(room, 16 + Math.abs(end.y - start.y) / 6);
      d = `M${start.x.toFixed(1)},${start.y.toFixed(1)} C${bulge.toFixed(1)},${start.y.toFixed(1)} ${bulge.toFixed(1)},${end.y.toFixed(1)} ${(end.x + 2).toFixed(1)},${end.y.toFixed(1)}`;
    }
    arrows.push(`<path class="ms-pointer${danger ? ' ms-dangling' : ''}" d="${d}" fill="none" stroke="${colour}" stroke-width="1.5"${danger ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#${prefix}-${danger ? 'danger' : 'arrow'})"/>`);
    out.push(`<circle cx="${start.x.toFixed(1)}" cy="${start.y.toFixed(1)}" r="2.5" fill="${colour}"/>`);
  }

  const height = Math.ceil(Math.max(ly, ry) + margin);
  const marker = (id: string, colour: string): string =>
    `<marker id="${prefix}-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="memscope-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<defs>${marker('arrow', theme.palette[0]!)}${marker('danger', theme.danger)}</defs>`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
    ...out,
    ...arrows,
    '</svg>',
  ].join('');
}

type PointerFrom = Snapshot['pointers'][number]['from'];

/** The blocks to draw when there are too many: those drawn slots reach first, drawn in address order. */
function chooseBlocks(snapshot: Snapshot, anchors: Map<string, Anchor>, max: number): BlockView[] {
  if (snapshot.blocks.length <= max) return snapshot.blocks;
  const from = (p: Snapshot['pointers'][number]): string =>
    p.from.region === 'heap' ? `h${p.from.block}` : p.from.region === 'static' ? `s${p.from.item}` : `l${p.from.frame}:${p.from.slot}`;
  const chosen = reachableBlocks(snapshot, max, (p) => p.from.region !== 'heap' && anchors.has(from(p)));
  return snapshot.blocks.filter((b) => chosen.has(b.id));
}

function ownerText(b: BlockView): string {
  const o = b.owner;
  switch (o.kind) {
    case 'local':
      return o.name ? `local ${o.name}` : `local (frame ${o.frame}, slot ${o.slot})`;
    case 'block':
      return `block #${o.block}`;
    case 'static':
      return `static #${o.item}`;
    case 'shared':
      return 'shared (Rc)';
    default:
      return 'none';
  }
}

function box(x: number, y: number, w: number, h: number, theme: Theme, cls: string, attrs = ''): string {
  return `<rect class="${cls}" ${attrs} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="${theme.panel}" stroke="${theme.line}"/>`;
}

/** One local or static: `name: type` and its address on the first line, the value below to the right. */
function row(out: string[], x: number, y: number, w: number, label: string, value: string, address: string, theme: Theme, attrs: string): void {
  const half = Math.floor((w * 0.45) / CHAR);
  out.push(`<g class="ms-slot" ${attrs}>`);
  out.push(`<line x1="${(x + 4).toFixed(1)}" y1="${y.toFixed(1)}" x2="${(x + w - 4).toFixed(1)}" y2="${y.toFixed(1)}" stroke="${theme.grid}"/>`);
  out.push(`<text x="${(x + 8).toFixed(1)}" y="${(y + 13).toFixed(1)}" fill="${theme.text}"><title>${escapeXml(label)}</title>${escapeXml(cut(label, half))}</text>`);
  out.push(`<text x="${(x + 8).toFixed(1)}" y="${(y + 25).toFixed(1)}" font-family="monospace" font-size="9" fill="${theme.muted}">${escapeXml(address)}</text>`);
  out.push(`<text x="${(x + w - 8).toFixed(1)}" y="${(y + 19).toFixed(1)}" text-anchor="end" font-family="monospace" font-size="11" fill="${theme.text}"><title>${escapeXml(value)}</title>${escapeXml(cut(value, Math.floor((w * 0.55 - 16) / 6.6)))}</text>`);
  out.push('</g>');
}
