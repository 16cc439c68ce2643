// Adapted from: The Rust Programming Language, ch. 4.3 "String Slices" — https://doc.rust-lang.org/book/ch04-03-slices.html
// teaches: &s[a..b], &s[..b], &s[a..], &s[..] borrow bytes of a String or &str without allocating; a range past the end panics
fn main() {
    let s = String::from("hello world");
    let hello = &s[0..5];
    let world = &s[6..11];
    let whole = &s[..];
    let tail = &whole[6..];
    println!("{hello}|{world}|{}|{tail}|{}", &s[..2], &tail[1..=2]);
    let literal = "grüße";
    println!("{} {}", &literal[..3], &literal[3..].len());
    let n = s.len();
    let past = &s[3..n + 1];
    println!("never: {past}");
}
