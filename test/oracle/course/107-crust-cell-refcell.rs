// Adapted from: Comprehensive Rust, "Interior Mutability" (Cell and RefCell) — https://google.github.io/comprehensive-rust/borrowing/interior-mutability.html
// teaches: Cell get/set through &, RefCell borrow/borrow_mut in scopes, try_borrow_mut while borrowed
use std::cell::{Cell, RefCell};

fn main() {
    let cell = Cell::new(5);
    cell.set(123);
    println!("{}", cell.get());
    let rc = RefCell::new(vec![1, 2]);
    {
        let mut v = rc.borrow_mut();
        v.push(3);
    }
    {
        let r1 = rc.borrow();
        let r2 = rc.borrow();
        println!("{:?} {:?} try_borrow_mut ok? {}", r1, r2.len(), rc.try_borrow_mut().is_ok());
    }
    println!("{:?}", rc);
}
