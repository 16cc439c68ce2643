// Adapted from: The Rust Programming Language, ch. 8.3 "Adding a Key and Value Only If a Key Isn't Present" — https://doc.rust-lang.org/book/ch08-03-hash-maps.html
// teaches: entry(key).or_insert(v) allocates a key only when it is inserted
use std::collections::HashMap;

fn main() {
    let mut scores = HashMap::new();
    scores.insert(String::from("Blue"), 10);
    scores.entry(String::from("Yellow")).or_insert(50);
    scores.entry(String::from("Blue")).or_insert(50);
    println!("Blue {} Yellow {} len {}", scores["Blue"], scores["Yellow"], scores.len());
}
