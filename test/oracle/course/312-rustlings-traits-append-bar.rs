// Adapted from: rustlings, exercises/15_traits/traits1.rs and traits2.rs (AppendBar) — https://github.com/rust-lang/rustlings/tree/main/exercises/15_traits
// teaches: one trait implemented for String and for Vec<String>, methods taking self by value
trait AppendBar {
    fn append_bar(self) -> Self;
}

impl AppendBar for String {
    fn append_bar(self) -> Self {
        self + "Bar"
    }
}

impl AppendBar for Vec<String> {
    fn append_bar(mut self) -> Self {
        self.push(String::from("Bar"));
        self
    }
}

fn main() {
    let s = String::from("Foo");
    let s = s.append_bar();
    println!("s: {s}");
    let v = vec![String::from("Foo")].append_bar().append_bar();
    println!("{v:?}");
}
