/**
 * Mutants aimed at the constructs courses teach (closures, iterators, trait bounds, trait
 * objects, Rc/RefCell, HashMap): one line of a program of test/rust/programs replaced by the
 * mistake a student makes, with the verdict rustc gives (an error code, or a panic at run time).
 * mutants.test.ts checks rustc still says so, and that the interpreter says the same: the same
 * error code, the same panic, or a clear "not supported yet".
 */
export interface TargetedMutant {
  /** The program of test/rust/programs it mutates (file name without `.rs`). */
  program: string;
  /** What the mistake is. */
  why: string;
  /** The line as it is (exact, with its indentation; the first one matching is replaced). */
  from: string;
  to: string;
  /** rustc's verdict: `E0382`, … or `panic` (it compiles and panics). */
  rustc: string;
  /** Also rustc's line: the error is reported where rustc reports its first one. */
  line?: boolean;
  /** The interpreter gets this one wrong today (kept as a failing test until it is fixed). */
  knownWrong?: string;
}

const P = '49-closures-dyn-cells-maps';
const N = '51-net-options-collect';
const B = '50-method-borrows';
const O = '52-ops-asref-errors';
const Q = '53-entry-windows-matches';
const S = '54-borrow-scopes';
const L = '55-bounds-and-numbers';

export const TARGETED: TargetedMutant[] = [
  { program: P, rustc: 'E0382', why: 'a variable used after a move closure took it', from: '    println!("{}", owned());', to: '    println!("{} {}", owned(), name);' },
  { program: P, rustc: 'E0382', why: 'a closure made `move`, the variable printed after it', from: '    let greet = || name.len();', to: '    let greet = move || name.len();' },
  { program: P, rustc: 'E0502', why: 'pushing onto a Vec while a for loop iterates over it', from: '    v.push(4);', to: '    for x in v.iter() { v.push(*x); }' },
  { program: P, rustc: 'E0499', why: 'a reference from iter_mut() held across a push', from: '    v.push(4);', to: '    let first = v.iter_mut().next(); v.push(4); println!("{:?}", first);' },
  {
    program: P, rustc: 'E0502', why: 'reading a variable an FnMut closure still borrows', from: '    inc();', to: '    println!("{}", count);',
  },
  { program: P, rustc: 'E0596', why: 'calling an FnMut closure not declared mut', from: '    let mut inc = || count += 1;', to: '    let inc = || count += 1;' },
  { program: P, rustc: 'E0277', why: 'formatting a T whose Display bound was left out', from: 'fn show_all<T: std::fmt::Display>(items: &[T]) -> String {', to: 'fn show_all<T>(items: &[T]) -> String {' },
  {
    program: P, rustc: 'E0277', why: 'a Box<dyn Shape> of a type with no impl of Shape', from: '    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(Circle(1.0))];', to: '    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(5)];',
  },
  { program: P, rustc: 'E0599', why: 'a method the trait object does not have', from: '        println!("{}", s.area());', to: '        println!("{}", s.perimeter());' },
  { program: P, rustc: 'E0599', why: 'a Vec method called on the Rc<RefCell<Vec>> itself', from: '    other.borrow_mut().push(1);', to: '    other.push(1);' },
  { program: P, rustc: 'panic', why: 'borrow_mut while a Ref is alive (BorrowMutError)', from: '    let n = shared.borrow().len();', to: '    let guard = shared.borrow(); other.borrow_mut().push(2); let n = guard.len();' },
  { program: P, rustc: 'panic', why: 'indexing a HashMap by a key it does not have', from: '    println!("{}", words["a"]);', to: '    println!("{}", words["z"]);' },
  { program: P, rustc: 'E0308', why: 'or_insert of a value of the wrong type', from: '        *words.entry(w).or_insert(0) += 1;', to: '        *words.entry(w).or_insert("zero") += 1;' },
  // This round (rmore): std::net, a map's into_iter, Option's or, collect into Result, partition, T::from.
  { program: N, rustc: 'E0382', why: 'an Option used after or() took it', from: '    let chosen = None.or(label);', to: '    let chosen = None.or(label); println!("{:?}", label);' },
  { program: N, rustc: 'E0382', why: 'a HashMap used after into_iter() consumed it', from: '    let pairs: Vec<(&str, i32)> = seen.into_iter().collect();', to: '    let pairs: Vec<(&str, i32)> = seen.into_iter().collect(); println!("{}", seen.len());' },
  { program: N, rustc: 'E0277', why: 'i64::from of a u64 (no lossless From)', from: '    println!("{:?} {}", parsed, i64::from(parsed[0]) + i64::from(true));', to: '    println!("{:?} {}", parsed, i64::from(parsed[0]) + i64::from(7u64));' },
  { program: N, rustc: 'panic', why: 'unwrap of an address with an octet past 255', from: '    let home: Ipv4Addr = "192.168.1.20".parse().unwrap();', to: '    let home: Ipv4Addr = "192.168.1.256".parse().unwrap();' },
  { program: N, rustc: 'E0061', why: 'Ipv4Addr::new with three octets', from: '    let gateway = Ipv4Addr::new(192, 168, 1, 1);', to: '    let gateway = Ipv4Addr::new(192, 168, 1);' },
  { program: N, rustc: 'E0308', why: 'partition into two different collection types', from: '    let (short, long): (Vec<String>, Vec<String>) = names.into_iter().partition(|n| n.len() < 2);', to: '    let (short, long): (Vec<String>, Vec<&str>) = names.into_iter().partition(|n| n.len() < 2);' },
  { program: N, rustc: 'E0277', why: 'collect into Result<Vec<_>, _> with the wrong error type', from: '    let ports: Result<Vec<u16>, ConfigError> = ["80", " 443", "8080"].iter().map(|t| port(t)).collect();', to: '    let ports: Result<Vec<u16>, String> = ["80", " 443", "8080"].iter().map(|t| port(t)).collect();' },
  // Borrows a method returns keep its receiver borrowed while the result lives (check/lends.ts).
  { program: B, rustc: 'E0502', why: 'the Option<&T> from first() used after a push', from: '    v.push(4);', to: '    v.push(4); println!("{:?}", f);' },
  { program: B, rustc: 'E0502', why: 'reading the Vec while last_mut()\'s &mut is still to be written through', from: '    *x = 10;', to: '    v.len(); *x = 10;' },
  { program: B, rustc: 'E0499', why: 'a push while iter_mut().next()\'s &mut is live', from: '    let first = v.iter_mut().next();', to: '    let first = v.iter_mut().next(); v.push(6);' },
  { program: B, rustc: 'E0502', why: 'the &str from as_str() used after a push onto its String', from: "    s.push('!');", to: '    s.push(\'!\'); println!("{}", w);' },
  { program: B, rustc: 'E0502', why: 'clearing a String whose split_whitespace() words are collected and used later', from: '    println!("{:?} {}", words, count_distinct(&words));', to: '    s.clear(); println!("{:?} {}", words, count_distinct(&words));' },
  // What std's traits rule out, and what a `use` brings into scope.
  { program: B, rustc: 'E0277', why: 'sort_by_key with an f64 key (f64 is not Ord)', from: '    pairs.sort_by_key(|p| p.0);', to: '    pairs.sort_by_key(|p| p.1);' },
  { program: B, rustc: 'E0277', why: 'rev() of a split by a &str pattern (not a DoubleEndedIterator; by a char it is)', from: "    let back: Vec<&str> = s.split(' ').rev().collect();", to: '    let back: Vec<&str> = s.split(" ").rev().collect();' },
  { program: B, rustc: 'E0433', why: 'Ordering::Less without use std::cmp::Ordering', from: 'use std::cmp::Ordering;', to: '' },
  {
    program: B, rustc: 'E0433', why: 'a name imported by a use inside another fn', from: '    println!("{}", v.len());', to: '    println!("{}", v.len() + HashSet::<i32>::new().len());',
  },
  { program: O, rustc: 'E0382', why: 'a value used after `+` moved it into add', from: '    println!("{:?}", all);', to: '    println!("{:?} {:?}", all, a);' },
  { program: O, rustc: 'E0369', why: '`+` on a type whose Add impl was left out', from: '    let back = -Offset(4);', to: '    let back = Offset(4) + Offset(1);' },
  { program: O, rustc: 'E0277', why: 'a generic AsRef<str> fn given a number', from: '    println!("{} {}", shout("quiet"), shout(String::from("please")));', to: '    println!("{} {}", shout("quiet"), shout(5));' },
  { program: O, rustc: 'E0277', why: '? on an error type the From impl does not cover', from: '    let n: i32 = text.parse()?;', to: '    let n: i32 = text.parse::<f64>()? as i32;' },
  { program: Q, rustc: 'E0277', why: 'an impl A + B argument given a type with only one of them', from: '    println!("{}", describe(Label(String::from("tag"))));', to: '    println!("{}", describe(String::from("tag")));' },
  { program: Q, rustc: 'E0599', why: 'a String method on the Vec or_insert_with made', from: '        groups.entry(w.len()).or_insert_with(Vec::new).push(w);', to: '        groups.entry(w.len()).or_insert_with(Vec::new).push_str(w);' },
  { program: Q, rustc: 'panic', why: 'windows(0)', from: '    let rises: Vec<i32> = readings.windows(2).map(|w| w[1] - w[0]).collect();', to: '    let rises: Vec<i32> = readings.windows(0).map(|w| w[1] - w[0]).collect();' },
  { program: Q, rustc: 'panic', why: 'indexing past a window', from: '    let rises: Vec<i32> = readings.windows(2).map(|w| w[1] - w[0]).collect();', to: '    let rises: Vec<i32> = readings.windows(2).map(|w| w[2] - w[0]).collect();' },
  // Borrows bound by patterns, copies of references, reborrows of a `&mut` parameter, places
  // through `self`, two-phase borrows (check/holds.ts, check/places.ts, check/two-phase.ts).
  { program: S, rustc: 'E0502', line: true, why: 'a push while the Some(y) of if let v.first() is still to be printed', from: '        println!("if let {}", y);', to: '        v.push(0); println!("if let {}", y);' },
  { program: S, rustc: 'E0502', line: true, why: 'a push inside the match arm of v.get(1) before its binding is used', from: '        Some(z) => println!("match {}", z),', to: '        Some(z) => { v.push(0); println!("match {}", z) }' },
  { program: S, rustc: 'E0502', line: true, why: 'a push between let-else on v.last() and the use of its binding', from: '    println!("let else {}", w);', to: '    v.push(0); println!("let else {}", w);' },
  { program: S, rustc: 'E0502', line: true, why: 'a push while a copy of a reference to the Vec is still to be used', from: '    println!("{}", r2.len());', to: '    v.push(0); println!("{}", r2.len());' },
  { program: S, rustc: 'E0502', line: true, why: 'a push while a closure holding a copied reference is still to be called', from: '    let r2 = r;', to: '    let r2 = r; let size = || r2.len(); v.push(0); println!("{}", size());' },
  { program: S, rustc: 'E0502', line: true, why: 'a push while a tuple holding &s.items is still to be printed', from: '    let items = &s.items;', to: '    let items = (&s.items, 0); s.items.clear();' },
  { program: S, rustc: 'E0502', line: true, why: 'a &mut self method call while a field of s is borrowed (the whole s, not a disjoint field)', from: '    s.log.push(String::from("start"));', to: '    s.push(1);' },
  { program: S, rustc: 'E0506', line: true, why: 'assigning the Option that if let Some(n) = &name borrows', from: '        println!("hello {}", n);', to: '        name = None; println!("hello {}", n);' },
  { program: S, rustc: 'E0502', line: true, why: 'pushing onto self.items while a reference into it is still to be printed', from: '        self.log.push(format!("top {}", top));', to: '        self.items.push(0); self.log.push(format!("top {}", top));' },
  { program: S, rustc: 'E0502', line: true, why: 'clearing self.items inside if let Some(first) = self.items.first()', from: '            println!("first {}", first);', to: '            self.items.clear(); println!("first {}", first);' },
  { program: S, rustc: 'E0502', line: true, why: 'reading a &mut parameter while its reborrow is still to be used', from: '    again.push(x);', to: '    let n0 = v.len(); again.push(x + n0 as i32);' },
  { program: S, rustc: 'E0499', line: true, why: 'two reborrows &mut *v of a parameter alive together', from: '    let again = &mut *v;', to: '    let again = &mut *v; let other = &mut *v; other.push(0);' },
  { program: S, rustc: 'E0502', line: true, why: 'writing v[0] through a &mut parameter while &v[0] is still to be printed (IndexMut)', from: '    v.push(x);', to: '    let held = &v[0]; v[0] = x; println!("{}", held);' },
  { program: S, rustc: 'E0499', line: true, why: 'v.push(v.pop().unwrap()): two-phase borrows allow reads, not a second &mut', from: '    v.push(v.len() as i32);', to: '    v.push(v.pop().unwrap());' },
  { program: S, rustc: 'E0502', line: true, why: 'extend_from_slice of a slice of the same Vec', from: '    v.insert(0, v[2]);', to: '    v.extend_from_slice(&v[..1]);' },
  { program: S, rustc: 'E0502', line: true, why: 'the element pushed is still used after the push', from: '    v.push(*x);', to: '    v.push(*x); println!("{}", x);' },
  { program: S, rustc: 'E0502', line: true, why: 'a push inside while let Some(last) = grow.last() before last is used', from: '        grow.push(next);', to: '        grow.push(next); println!("{}", last);' },
  { program: S, rustc: 'E0502', line: true, why: 'a &mut argument while first() of the same Vec is still to be printed', from: '    fill(&mut grow);', to: '    let peek = grow.first(); fill(&mut grow); println!("{:?}", peek);' },
  { program: S, rustc: 'E0596', line: true, why: '&mut of a parameter binding not declared mut', from: '    let last = v.last().copied();', to: '    let twice = &mut v; twice.push(1); let last = v.last().copied();' },
  { program: S, rustc: 'E0499', line: true, why: 'passing a &mut parameter on (a reborrow) while an annotated reborrow of it is live', from: '    add_twice(v, 8);', to: '    let held: &mut Vec<i32> = v; add_twice(v, 8); held.push(0);' },
  { program: S, rustc: 'E0502', line: true, why: 'a push while a reference variable given &v[1] anew is still to be printed', from: '    pick = &spare[0];', to: '    pick = &v[1];' },
  { program: S, rustc: 'E0502', line: true, why: 'a push while the first value of a reference variable is still to be printed', from: '    println!("pick {}", pick);', to: '    v.push(0); println!("pick {}", pick);' },
  { program: S, rustc: 'E0502', line: true, why: 'a push before the use of the reference the loop\'s previous pass left in a variable', from: '        if let Some(s) = seen {', to: '        grow.push(0); if let Some(s) = seen {' },
  { program: S, rustc: 'E0382', line: true, why: 'a &mut parameter moved into a let, then used', from: '    let n = v.len();', to: '    let moved = v; let n = v.len(); moved.push(1);' },
  // Bounds that settle a type, Zip's back end, integer-float arithmetic, sort's Ord bound.
  { program: L, rustc: 'E0277', line: true, why: 'an f64 times an integer literal', from: '    let scaled = price * 2.0;', to: '    let scaled = price * 2;' },
  { program: L, rustc: 'E0277', line: true, why: 'adding an integer to an f64 with +=', from: '    sum += 0.5;', to: '    sum += 1;' },
  { program: L, rustc: 'E0277', line: true, why: 'an f64 plus an i32 variable', from: '    let mut sum = scaled + price;', to: '    let n: i32 = 2; let mut sum = scaled + n;' },
  { program: L, rustc: 'E0308', line: true, why: 'an f64 plus an f32 (two float types: a mismatch, not a missing impl)', from: '    let mut sum = scaled + price;', to: '    let w: f32 = 1.0; let mut sum = scaled + w;' },
  { program: L, rustc: 'E0277', line: true, why: 'a Vec<i64> where the bound asks AsRef<[i32]>', from: '    println!("{} {} {}", bump(Vec::new()), total(Vec::new()), total(vec![3, 4]));', to: '    println!("{} {} {}", bump(Vec::new()), total(Vec::<i64>::new()), total(vec![3, 4]));' },
  { program: L, rustc: 'E0277', line: true, why: 'zip(..).rev() with a Chars side (not ExactSizeIterator)', from: '    for (name, age) in names.into_iter().zip(ages.iter()).rev() {', to: '    for (name, age) in names.into_iter().zip("ab".chars()).rev() {' },
  { program: L, rustc: 'E0308', line: true, why: 'Vec::<i64>::new() bound to a Vec<u8> (the turbofish on the type is its element)', from: '    let ages = [31, 42];', to: '    let ages = [31, 42]; let typed: Vec<u8> = Vec::<i64>::new();' },
  { program: L, rustc: 'E0614', line: true, why: 'one deref too many of a name bound through &(&str, &i32)', from: '    let oldest = ages_by_name.iter().max_by_key(|(_, age)| **age).map(|(name, _)| *name);', to: '    let oldest = ages_by_name.iter().max_by_key(|(_, age)| ***age).map(|(name, _)| *name);' },
  { program: L, rustc: 'E0277', line: true, why: 'sort() of a type deriving only PartialOrd', from: '#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]', to: '#[derive(Debug, PartialEq, PartialOrd)]' },
];
