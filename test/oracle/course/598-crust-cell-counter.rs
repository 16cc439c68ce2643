// Adapted from: Comprehensive Rust, "Interior Mutability" (Cell) — https://google.github.io/comprehensive-rust/borrowing/interior-mutability.html
// teaches: Cell<T> changes a Copy value through a shared reference (get, set, replace), no borrow flag and no heap; Cell and RefCell inside one struct
use std::cell::{Cell, RefCell};

#[derive(Debug)]
struct Visits {
    count: Cell<u32>,
    last: Cell<char>,
    log: RefCell<String>,
}

fn visit(v: &Visits, who: char) {
    v.count.set(v.count.get() + 1);
    let before = v.last.replace(who);
    v.log.borrow_mut().push(before);
}

fn main() {
    let v = Visits { count: Cell::new(0), last: Cell::new('-'), log: RefCell::new(String::new()) };
    for who in "abcab".chars() {
        visit(&v, who);
    }
    println!("{} visits, last {}, log {}", v.count.get(), v.last.get(), v.log.borrow());
    println!("{:?}", v);
    println!("{:#?}", v.count);
    let total = v.count.replace(100) + v.count.get();
    println!("{total}");
}
