// Adapted from: The Rust Programming Language, ch. 15.2 "Treating Smart Pointers Like Regular References with Deref" — https://doc.rust-lang.org/book/ch15-02-deref.html
// teaches: impl Deref for MyBox<T>; *y calls deref; deref coercion &MyBox<String> -> &String -> &str
use std::ops::Deref;

struct MyBox<T>(T);

impl<T> MyBox<T> {
    fn new(x: T) -> MyBox<T> {
        MyBox(x)
    }
}

impl<T> Deref for MyBox<T> {
    type Target = T;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

fn hello(name: &str) {
    println!("Hello, {name}!");
}

fn main() {
    let x = 5;
    let y = MyBox::new(x);
    assert_eq!(5, *y);
    let m = MyBox::new(String::from("Rust"));
    hello(&m);
    println!("len through deref: {}", m.len());
}
