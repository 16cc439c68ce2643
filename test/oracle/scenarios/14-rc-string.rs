// Rc::new allocates one RcBox (strong + weak counters + value); clones share it; the String's buffer is freed before the box.
use std::rc::Rc;

fn main() {
    let a = Rc::new(String::from("shared"));
    let b = Rc::clone(&a);
    println!("{} {}", a, Rc::strong_count(&a));
    drop(a);
    println!("{} {}", b, Rc::strong_count(&b));
}
