#!/usr/bin/env node
// Draws the pictures of docs/DIAGRAM.md: small Rust programs run by memscope's interpreter, their
// memory diagram at a chosen step (with the step before, so changes are marked), rendered by
// headless Chromium to docs/images/diagram-<name>.png. Needs a built dist/ (npm run build).
//
//   node scripts/diagram-gallery.js
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const { initRust, runRust, EventKind } = require(path.join(root, 'dist', 'src', 'index.js'));
const { diagramSvg } = require(path.join(root, 'dist', 'src', 'views', 'index.js'));
const { chromium } = require(require.resolve('playwright-core', { paths: [root] }));

const nth = (t, kind, n = 0) => { for (let i = 0, seen = 0; i < t.length; i++) if (t.kindAt(i) === kind && seen++ === n) return i; return -1; };
const last = (t, kind) => { let at = -1; for (let i = 0; i < t.length; i++) if (t.kindAt(i) === kind) at = i; return at; };

const PICTURES = [
  { name: 'string', why: 'cells: a String is ptr | len | cap', source: `fn main() {
    let greeting: &str = "hello";
    let mut s = String::with_capacity(16);
    s.push_str(greeting);
    println!("{}", s);
}`, step: (t) => last(t, EventKind.Output) },
  { name: 'string-compact', options: { compact: true }, source: `fn main() {
    let greeting: &str = "hello";
    let mut s = String::with_capacity(16);
    s.push_str(greeting);
    println!("{}", s);
}`, step: (t) => last(t, EventKind.Output) },
  { name: 'moved', source: `fn main() {
    let a = String::from("moved");
    let b = a;
    println!("{}", b);
}`, step: (t) => { for (let i = 0; i < t.length; i++) if (t.kindAt(i) === EventKind.LocalSet && t.event(i).value?.k === 'moved') return i; return -1; } },
  { name: 'box-list', source: `enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn main() {
    let list = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Cons(3, Box::new(List::Nil))))));
    println!("built");
}`, step: (t) => last(t, EventKind.Output) },
  { name: 'box-list-address', options: { heapOrder: 'address' }, source: `enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn main() {
    let list = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Cons(3, Box::new(List::Nil))))));
    println!("built");
}`, step: (t) => last(t, EventKind.Output) },
  { name: 'vec-of-strings', source: `fn main() {
    let mut names: Vec<String> = Vec::new();
    for i in 0..4 {
        names.push(i.to_string());
    }
    println!("{}", names.len());
}`, step: (t) => last(t, EventKind.Output) },
  { name: 'freed-and-hole', source: `fn main() {
    let a = String::from("first");
    let b = String::from("second");
    let c = String::from("third");
    drop(b);
    println!("{} {}", a, c);
}`, step: (t) => nth(t, EventKind.HeapFree) },
  { name: 'grown', source: `fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.push(1);
    v.push(2);
    v.push(3);
    v.push(4);
    v.push(5);
    println!("{}", v.len());
}`,
  // The whole last push: from the step before its realloc to the step that stored v's new len.
  step: (t) => { let i = last(t, EventKind.HeapRealloc); while (t.kindAt(i) !== EventKind.LocalSet) i++; return i; },
  previous: (t) => last(t, EventKind.HeapRealloc) - 1 },
];

async function main() {
  await initRust();
  const out = path.join(root, 'docs', 'images');
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 680, height: 400 } });
    for (const p of PICTURES) {
      const t = (await runRust(p.source, {})).timeline;
      const step = p.step(t);
      const svg = diagramSvg(t.snapshot(step), { width: 680, previous: t.snapshot(p.previous ? p.previous(t) : step - 1), idPrefix: p.name, ...(p.options ?? {}) });
      await page.setContent(`<body style="margin:0">${svg}</body>`);
      await page.locator('svg').screenshot({ path: path.join(out, `diagram-${p.name}.png`) });
      console.log(`docs/images/diagram-${p.name}.png: step ${step}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
