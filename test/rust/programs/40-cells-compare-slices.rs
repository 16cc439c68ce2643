// RefCell guards and the borrow flag, Rc's Weak, Cell, derived comparisons, .into(), ref mut
// bindings and &s[a..b] string slices.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Version(u32, u32);

fn main() {
    let log = RefCell::new(vec![String::from("start")]);
    log.borrow_mut().push(String::from("next"));
    let first = log.borrow();
    println!("{} entries, first {}", first.len(), first[0]);
    drop(first);
    let mut writer = log.borrow_mut();
    writer.push("end".into());
    drop(writer);
    let shared = Rc::new(Cell::new(1));
    let weak: Weak<Cell<i32>> = Rc::downgrade(&shared);
    shared.set(shared.get() * 10);
    println!("{} {}", weak.upgrade().unwrap().get(), Rc::weak_count(&shared));
    let a = Version(1, 2);
    let b = Version(1, 10);
    println!("{} {:?} {:?}", a < b, a.cmp(&b), a.max(b));
    let text = String::from("hello world");
    let word = &text[0..5];
    assert_eq!(word, "hello");
    let mut pair = (String::from("x"), 1);
    let (ref mut s, ref mut n) = pair;
    s.push_str(&text[6..]);
    *n += 1;
    println!("{:?} {:?}", pair, log);
}
