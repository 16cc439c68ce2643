// Adapted from: The Rust Programming Language, ch. 15.2 "Treating Smart Pointers Like Regular References with Deref" — https://doc.rust-lang.org/book/ch15-02-deref.html
// teaches: a program's own Deref: *x calls deref, &MyBox<String> coerces to &str, methods reach the target, nested MyBox
use std::ops::Deref;

struct MyBox<T>(T);

impl<T> MyBox<T> {
    fn new(x: T) -> MyBox<T> {
        MyBox(x)
    }
}

impl<T> Deref for MyBox<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

fn greet(name: &str) -> String {
    format!("Hello, {name}!")
}

fn total(values: &Vec<u32>) -> u32 {
    let mut sum = 0;
    for v in values {
        sum += v;
    }
    sum
}

fn main() {
    let n = MyBox::new(41);
    let m = *n + 1;
    println!("{m}");
    let name = MyBox::new(String::from("Ferris"));
    let greeting = greet(&name);
    println!("{greeting} ({} bytes, upper {})", name.len(), name.to_uppercase());
    let nested = MyBox::new(MyBox::new(String::from("deep")));
    println!("{}", greet(&nested));
    let numbers = MyBox::new(vec![1, 2, 3]);
    println!("total {} first {:?} len {}", total(&numbers), numbers.first(), numbers.len());
    assert_eq!(**nested, "deep");
}
