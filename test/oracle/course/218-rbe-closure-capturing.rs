// Adapted from: Rust by Example, "Capturing" — https://doc.rust-lang.org/rust-by-example/fn/closures/capture.html
// teaches: a closure borrowing a String, one mutating a counter, one moving a Box and dropping it (FnOnce)
use std::mem;

fn main() {
    let color = String::from("green");
    let print = || println!("`color`: {}", color);
    print();
    let _reborrow = &color;
    print();
    let _color_moved = color;
    let mut count = 0;
    let mut inc = || {
        count += 1;
        println!("`count`: {}", count);
    };
    inc();
    inc();
    let movable = Box::new(3);
    let consume = || {
        println!("`movable`: {:?}", movable);
        mem::drop(movable);
    };
    consume();
    let haystack = vec![1, 2, 3];
    let contains = move |needle| haystack.contains(needle);
    println!("{} {}", contains(&1), contains(&4));
}
