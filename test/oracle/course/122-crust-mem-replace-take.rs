// Adapted from: Comprehensive Rust, "Standard Library Types" (std::mem) and the Builder exercise — https://google.github.io/comprehensive-rust/memory-management/exercise.html
// teaches: std::mem::replace, take and swap move Strings and Vecs without cloning
use std::mem;

fn main() {
    let mut name = String::from("draft");
    let old = mem::replace(&mut name, String::from("final"));
    println!("old {old} new {name}");
    let mut log = vec![String::from("a"), String::from("b")];
    let taken = mem::take(&mut log);
    println!("taken {taken:?} left {log:?} cap {}", log.capacity());
    let mut x = String::from("x");
    let mut y = String::from("yy");
    mem::swap(&mut x, &mut y);
    println!("{x} {y}");
}
