// Adapted from: The Rust Programming Language, ch. 4.1 "Variables and Data Interacting with Move" / "with Clone" — https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html
// teaches: `let s2 = s1` moves the buffer (no allocation); clone copies it into a new block
fn main() {
    let s1 = String::from("hello");
    let s2 = s1;
    println!("{s2}, world!");
    let s3 = s2.clone();
    println!("s2 = {s2}, s3 = {s3}");
    let x = 5;
    let y = x;
    println!("x = {x}, y = {y}");
}
