// Adapted from: Comprehensive Rust, "Memory Management: Review of Program Memory" — https://google.github.io/comprehensive-rust/memory-management/review.html
// teaches: String::with_capacity reserves once; push_str within capacity does not reallocate, past it does
fn main() {
    let mut s1 = String::from("Hello");
    s1.push(' ');
    s1.push_str("world");
    println!("s1: len = {}, capacity = {}", s1.len(), s1.capacity());
    let mut s2 = String::with_capacity(s1.len() + 5);
    s2.push_str(&s1);
    s2.push_str("!!!");
    println!("s2: len = {}, capacity = {}", s2.len(), s2.capacity());
    s2.push_str(" and more text than fits");
    println!("s2: len = {}, capacity = {}", s2.len(), s2.capacity());
}
