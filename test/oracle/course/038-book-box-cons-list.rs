// Adapted from: The Rust Programming Language, ch. 15.1 "Enabling Recursive Types with Boxes" — https://doc.rust-lang.org/book/ch15-01-box.html
// teaches: a recursive enum behind Box: one heap node per Cons; `use List::{Cons, Nil}`
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use crate::List::{Cons, Nil};

fn sum(list: &List) -> i32 {
    match list {
        Cons(v, rest) => v + sum(rest),
        Nil => 0,
    }
}

fn main() {
    let b = Box::new(5);
    println!("b = {b}");
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{list:?} sums to {}", sum(&list));
}
