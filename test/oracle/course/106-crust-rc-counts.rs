// Adapted from: Comprehensive Rust, "Rc" — https://google.github.io/comprehensive-rust/smart-pointers/rc.html
// teaches: Rc::new allocates counts + value; Rc::clone only counts; the value dies with the last Rc
use std::rc::Rc;

fn main() {
    let a = Rc::new(vec![10, 20]);
    let b = Rc::clone(&a);
    println!("a: {a:?} b: {b:?}");
    println!("strong count {}", Rc::strong_count(&a));
    drop(a);
    println!("after drop: {} {:?}", Rc::strong_count(&b), b);
}
