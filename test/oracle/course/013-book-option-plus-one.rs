// Adapted from: The Rust Programming Language, ch. 6.2 "Matching with Option<T>" — https://doc.rust-lang.org/book/ch06-02-match.html
// teaches: Option<i32> matched to Some/None; a Vec of Options built and printed with {:?}
fn plus_one(x: Option<i32>) -> Option<i32> {
    match x {
        None => None,
        Some(i) => Some(i + 1),
    }
}

fn main() {
    let five = Some(5);
    let six = plus_one(five);
    let none = plus_one(None);
    let results = vec![five, six, none];
    println!("{:?}", results);
}
