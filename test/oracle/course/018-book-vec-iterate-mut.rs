// Adapted from: The Rust Programming Language, ch. 8.1 "Iterating Over the Values in a Vector" — https://doc.rust-lang.org/book/ch08-01-vectors.html
// teaches: for over &v and &mut v, changing elements through *i
fn main() {
    let mut v = vec![100, 32, 57];
    for i in &v {
        println!("{i}");
    }
    for i in &mut v {
        *i += 50;
    }
    v.push(1);
    println!("{v:?}");
}
