// Adapted from: The Rust Programming Language, ch. 8.1 listing 8-5 (indexing past the end) — https://doc.rust-lang.org/book/ch08-01-vectors.html
// teaches: `&v[100]` panics when the reference is made, even if it is never read
fn main() {
    let v = vec![1, 2, 3, 4, 5];
    println!("made a vector of {}", v.len());
    let does_not_exist = &v[100];
    let _ = does_not_exist;
    println!("not reached");
}
