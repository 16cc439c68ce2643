// Adapted from: Comprehensive Rust, "Box<T>" (recursive data types) — https://google.github.io/comprehensive-rust/smart-pointers/box.html
// teaches: a generic recursive enum List<T> behind Box; the boxes are freed from the head down
#[derive(Debug)]
enum List<T> {
    Element(T, Box<List<T>>),
    Nil,
}

fn main() {
    let list: List<i32> = List::Element(1, Box::new(List::Element(2, Box::new(List::Nil))));
    println!("{list:?}");
    let words: List<String> = List::Element(String::from("boxed"), Box::new(List::Nil));
    println!("{words:?}");
    let five = Box::new(5);
    println!("five: {}", *five);
}
