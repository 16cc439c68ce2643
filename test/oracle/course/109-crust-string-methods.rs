// Adapted from: Comprehensive Rust, "Standard Library Types: String" — https://google.github.io/comprehensive-rust/std-types/string.html
// teaches: String::new/with_capacity, push_str, push, len vs chars().count(), capacity growth, as_str
fn main() {
    let mut s1 = String::new();
    s1.push_str("Hello");
    println!("s1: len = {}, capacity = {}", s1.len(), s1.capacity());
    let mut s2 = String::with_capacity(s1.len() + 1);
    s2.push_str(&s1);
    s2.push('!');
    println!("s2: len = {}, capacity = {}", s2.len(), s2.capacity());
    let s3 = String::from("🇨🇭");
    println!("s3: len = {}, number of chars = {}", s3.len(), s3.chars().count());
    let view: &str = s2.as_str();
    println!("{} {}", view.to_uppercase(), view.replace("l", "L"));
}
