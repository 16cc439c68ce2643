// Adapted from: The Rust Programming Language, ch. 15.1 "Using Box<T> to Point to Data on the Heap" (computing the size of a recursive type) — https://doc.rust-lang.org/book/ch15-01-box.html
// teaches: size_of::<T>() of an enum with a Box (one pointer), of Option<Box<T>> (the null niche), and each Box::new allocating exactly size_of the payload
use std::mem::size_of;

enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    ChangeColor(i32, i32, i32),
}

fn sum(list: &List) -> i32 {
    match list {
        Cons(v, rest) => v + sum(rest),
        Nil => 0,
    }
}

fn main() {
    println!("List {} Box<List> {} Option<Box<List>> {}", size_of::<List>(), size_of::<Box<List>>(), size_of::<Option<Box<List>>>());
    println!("Message {} String {} (i32, i32, i32) {}", size_of::<Message>(), size_of::<String>(), size_of::<(i32, i32, i32)>());
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("sum {}", sum(&list));
    let msgs = vec![Message::Write(String::from("hi")), Message::Move { x: 1, y: 2 }, Message::ChangeColor(0, 0, 0), Message::Quit];
    println!("{} messages in {} bytes", msgs.len(), msgs.len() * size_of::<Message>());
}
