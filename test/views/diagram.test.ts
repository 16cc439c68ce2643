import { spawnSync } from 'child_process';
import type { Snapshot } from '../../src/format/snapshot';
import { diagramSvg, escapeXml, formatValue } from '../../src/views/diagram';
import { THEMES } from '../../src/views/theme';
import { rustProgram } from '../../src/api/program';
import { mixed } from './programs';

/** Parses the SVG with Python's expat (a strict XML parser) and returns its element names and text. */
function parseXml(svg: string): { elements: string[]; text: string } {
  const script = [
    'import sys, json, xml.dom.minidom as m',
    'doc = m.parseString(sys.stdin.buffer.read())',
    'els = [e.tagName for e in doc.getElementsByTagName("*")]',
    'def text(n):',
    '    return n.data if n.nodeType == n.TEXT_NODE else "\\n".join(text(c) for c in n.childNodes)',
    'print(json.dumps({"elements": els, "text": text(doc.documentElement)}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: svg, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const hostile = '<script>alert("x")</script> & ]]> \'q\' \u0001';
const timeline = mixed(hostile);
const finalStep = (() => {
  // The step with the most blocks (everything alive), for a full picture.
  let best = 0;
  for (let i = 0; i < timeline.length; i++) if (timeline.metrics.heapBlocks[i]! > timeline.metrics.heapBlocks[best]!) best = i;
  return best;
})();
const snapshot = timeline.snapshot(finalStep);

describe('memory diagram SVG', () => {
  test('a String holding markup is shown as text, never as markup', () => {
    const svg = diagramSvg(snapshot);
    expect(svg).not.toMatch(/<script/i);
    const xml = parseXml(svg);
    expect(new Set(xml.elements)).toEqual(new Set(['svg', 'defs', 'marker', 'path', 'rect', 'text', 'g', 'line', 'circle', 'pattern']));
    // The string's bytes as the heap block shows them: JSON-quoted, so the control character is escaped.
    // (Long contents wrap over consecutive lines of the block's box.)
    expect(xml.text.replace(/\n/g, '')).toContain('"<script>alert(\\"x\\")</script> & ]]> \'q\' \\u0001!"');
  });

  test('hostile names, types and function names from a payload are escaped everywhere', () => {
    const evil = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
    const bad = '"><script>alert(1)</script><text x="\u0001';
    evil.frames[0]!.fn = bad;
    evil.frames[0]!.locals[0]!.name = bad;
    evil.frames[0]!.locals[0]!.type = bad;
    evil.blocks[0]!.type = bad;
    evil.statics[0]!.name = bad;
    const svg = diagramSvg(evil, { idPrefix: '"><script>' });
    expect(svg).not.toMatch(/<script/i);
    const xml = parseXml(svg);
    expect(xml.elements).not.toContain('script');
    // Characters XML cannot hold become U+FFFD instead of breaking the document.
    expect(xml.text).toContain('"><script>alert(1)</script><text x="\ufffd');
  });

  test('frames, locals with type, value and address, statics and blocks with owners', () => {
    const text = parseXml(diagramSvg(snapshot)).text;
    expect(text).toContain(`step ${finalStep}`);
    for (const f of snapshot.frames) expect(text).toContain(f.fn);
    const main = snapshot.frames[0]!;
    for (const l of main.locals) {
      expect(text).toContain(`${l.name}: ${l.type}`);
      expect(text).toContain(`0x${l.address.toString(16)}`);
    }
    for (const b of snapshot.blocks) expect(text).toContain(`#${b.id} `);
    // The Rc box after Rc::clone (weak counts the strong ones' shared weak, as std does), as cells.
    const svg = diagramSvg(snapshot);
    expect(svg).toMatch(/data-label="strong">.*?>2<\/text>/);
    expect(svg).toMatch(/data-label="weak">.*?>1<\/text>/);
    expect(text).toContain('owned by s');
    expect(text).toContain('"bb"');
    expect(text).toContain('0x' + snapshot.statics[0]!.address.toString(16));
  });

  test('one arrow per pointer, found by stable ids', () => {
    const svg = diagramSvg(snapshot);
    expect(snapshot.pointers.length).toBeGreaterThanOrEqual(5);
    expect(svg.match(/class="ms-pointer"/g)).toHaveLength(snapshot.pointers.length);
    expect(svg).not.toContain('ms-dangling');
  });

  test('a dangling pointer is drawn dashed and red to a freed placeholder', () => {
    const broken = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
    const target = broken.pointers.find((p) => p.from.region === 'stack' && p.to.region === 'heap')!;
    const id = (target.to as { block: number }).block;
    broken.blocks = broken.blocks.filter((b) => b.id !== id);
    for (const p of broken.pointers) if (p.to.region === 'heap' && p.to.block === id) p.dangling = true;
    const svg = diagramSvg(broken, { theme: 'dark' });
    const dangling = svg.match(/<path class="ms-pointer ms-dangling"[^>]*>/g) ?? [];
    expect(dangling.length).toBeGreaterThanOrEqual(1);
    for (const path of dangling) {
      expect(path).toContain(`stroke="${THEMES.dark.danger}"`);
      expect(path).toContain('stroke-dasharray');
    }
    expect(parseXml(svg).text).toContain(`block #${id}: freed`);
  });

  test('themes and width', () => {
    const dark = diagramSvg(snapshot, { theme: 'dark', width: 600 });
    expect(dark).toMatch(/^<svg [^>]*width="600"/);
    expect(dark).toContain(`fill="${THEMES.dark.background}"`);
    expect(diagramSvg(snapshot)).toContain(`fill="${THEMES.light.background}"`);
  });

  test('deep recursion: the outermost two and innermost frames, and a note for the rest', () => {
    const t = rustProgram((rs) => {
      const level = (depth: number): void => rs.fn(`level${depth}`, [], () => {
        if (depth < 40) level(depth + 1);
      })() as void;
      rs.main(() => level(1));
    });
    const step = t.peak('frames').step;
    const snapshot = t.snapshot(step);
    expect(snapshot.frames).toHaveLength(41);
    const text = parseXml(diagramSvg(snapshot, { maxFrames: 10 })).text;
    expect(text).toContain('… 31 frames not drawn …');
    // Below the title (which names the event's frame): main, level1, then level33..level40.
    const drawn = [...text.slice(text.indexOf('stack (outermost')).matchAll(/\b(main|level\d+)\b/g)].map((m) => m[1]);
    expect([...new Set(drawn)]).toEqual(['main', 'level1', ...Array.from({ length: 8 }, (_, i) => `level${33 + i}`)]);
  });

  test('many blocks: those the drawn slots reach come first, a note counts the rest', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const names = rs.let_mut('names', rs.Vec.new('String'));
      for (let i = 0; i < 30; i++) names.push(rs.String.from(`name${i}`));
      rs.let('boxed', rs.Box.new(99));
      rs.note('all alive');
    }));
    let step = 0;
    while (t.event(step).kind !== 'note') step++;
    const snapshot = t.snapshot(step);
    expect(snapshot.blocks.length).toBe(32);
    const svg = diagramSvg(snapshot, { maxBlocks: 5 });
    const text = parseXml(svg).text;
    expect(text).toContain('… 27 more blocks not drawn');
    expect(svg.match(/class="ms-block"/g)).toHaveLength(5);
    // The Box and the Vec's buffer (pointed at from locals) are drawn even though they sit high in the heap.
    for (const local of snapshot.frames[0]!.locals) {
      const p = snapshot.pointers.find((q) => q.from.region === 'stack' && q.from.slot === local.slot)!;
      expect(svg).toContain(`data-block="${(p.to as { block: number }).block}"`);
    }
    expect(text).toContain('99');
    // Arrows only to drawn blocks: the local's two and three of the buffer's 30.
    expect(svg.match(/class="ms-pointer"/g)).toHaveLength(5);
  });

  test('the state before the first step is an empty diagram', () => {
    const text = parseXml(diagramSvg(timeline.snapshot(-1))).text;
    expect(text).toContain('before the first step');
    expect(text).toContain('(no frames)');
  });

  test('escapeXml and formatValue', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
    expect(formatValue({ k: 'buf', to: { region: 'heap', block: 3 }, len: 2, cap: 4 })).toBe('{ptr → block #3, len 2, cap 4}');
    expect(formatValue({ k: 'array', items: [{ k: 'int', v: 1 }, { k: 'int', v: 2 }], len: 5 })).toBe('[1, 2, …]');
    expect(formatValue({ k: 'text', v: 'x'.repeat(100), len: 100 }, 10)).toBe('"xxxxxxxx…');
  });
});
