// Adapted from: The Rust Programming Language, ch. 8.3 "Storing Keys with Associated Values in Hash Maps" — https://doc.rust-lang.org/book/ch08-03-hash-maps.html
// teaches: HashMap::new, insert, get().copied().unwrap_or(0); iteration order is random, so print sorted
use std::collections::HashMap;

fn main() {
    let mut scores = HashMap::new();
    scores.insert(String::from("Blue"), 10);
    scores.insert(String::from("Yellow"), 50);
    let team_name = String::from("Blue");
    let score = scores.get(&team_name).copied().unwrap_or(0);
    println!("Blue: {score}");
    scores.insert(String::from("Blue"), 25);
    let mut pairs: Vec<(&String, &i32)> = scores.iter().collect();
    pairs.sort();
    for (key, value) in pairs {
        println!("{key}: {value}");
    }
}
