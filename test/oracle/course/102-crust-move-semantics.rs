// Adapted from: Comprehensive Rust, "Move Semantics" — https://google.github.io/comprehensive-rust/memory-management/move.html
// teaches: assignment and calls move a String; clone when both need it; the moved-from name is unusable
fn say_hello(name: String) {
    println!("Hello {name}");
}

fn main() {
    let s1: String = String::from("Hello!");
    let s2: String = s1;
    println!("s2: {s2}");
    let name = String::from("Alice");
    say_hello(name.clone());
    say_hello(name);
}
