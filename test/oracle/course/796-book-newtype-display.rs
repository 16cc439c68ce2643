// Adapted from: The Rust Programming Language, ch. 20.2 "Using the Newtype Pattern to Implement External Traits" — https://doc.rust-lang.org/book/ch20-02-advanced-traits.html
// teaches: a tuple struct wrapping Vec<String> to implement Display for it; join allocates a new String; self.0 reaches the Vec
use std::fmt;

struct Wrapper(Vec<String>);

impl fmt::Display for Wrapper {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "[{}]", self.0.join(", "))
    }
}

fn main() {
    let mut w = Wrapper(vec![String::from("hello"), String::from("world")]);
    println!("w = {w}");
    w.0.push(String::from("again"));
    let shown = w.to_string();
    println!("{shown} ({} items, {} bytes)", w.0.len(), shown.len());
}
