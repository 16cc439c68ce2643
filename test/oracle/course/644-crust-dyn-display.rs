// Adapted from: Comprehensive Rust, "Trait Objects" — https://google.github.io/comprehensive-rust/smart-pointers/trait-objects.html
// teaches: Box<dyn Display> of numbers, Strings and a program's type in one Vec; &dyn Debug; formatting through the vtable
use std::fmt;
use std::fmt::{Debug, Display};

struct Celsius(f64);

impl fmt::Display for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:.1}°C", self.0)
    }
}

fn show_all(items: &[Box<dyn Display>]) {
    for (i, item) in items.iter().enumerate() {
        println!("{i}: {item} [{:>8}]", item);
    }
}

fn main() {
    let items: Vec<Box<dyn Display>> = vec![Box::new(42), Box::new(String::from("forty-two")), Box::new(Celsius(21.5)), Box::new('x'), Box::new(2.5)];
    show_all(&items);
    let word = String::from("vec");
    let list = vec![1, 2, 3];
    let debugs: Vec<&dyn Debug> = vec![&word, &list, &true];
    for d in &debugs {
        println!("{:?}", d);
    }
    let one: &dyn Display = &items[2];
    println!("{one}");
}
