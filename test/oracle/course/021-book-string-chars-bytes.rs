// Adapted from: The Rust Programming Language, ch. 8.2 "Methods for Iterating Over Strings" — https://doc.rust-lang.org/book/ch08-02-strings.html
// teaches: chars() vs bytes() on UTF-8 text; collecting chars into a new String
fn main() {
    let hello = String::from("Зд");
    for c in hello.chars() {
        println!("{c}");
    }
    for b in hello.bytes() {
        println!("{b}");
    }
    let word = String::from("namaste");
    let reversed: String = word.chars().rev().collect();
    println!("{reversed} has {} chars", reversed.chars().count());
}
