// Adapted from: The Rust Programming Language, ch. 8.2 "Updating a String" — https://doc.rust-lang.org/book/ch08-02-strings.html
// teaches: push_str, push, `+` reusing the left String's buffer, format! allocating a fresh one
fn main() {
    let mut s = String::from("foo");
    s.push_str("bar");
    s.push('!');
    println!("{s}");
    let s1 = String::from("Hello, ");
    let s2 = String::from("world!");
    let s3 = s1 + &s2;
    println!("{s3} {s2}");
    let t1 = String::from("tic");
    let t2 = String::from("tac");
    let t3 = String::from("toe");
    let s = format!("{t1}-{t2}-{t3}");
    println!("{s}");
    let s = t1 + "-" + &t2 + "-" + &t3;
    println!("{s}");
}
