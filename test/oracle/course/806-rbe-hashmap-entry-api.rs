// Adapted from: Rust by Example, "HashMap" and the std docs of the Entry API — https://doc.rust-lang.org/rust-by-example/std/hash.html
// teaches: entry().or_insert_with(Vec::new).push(..) grouping words by first letter, and_modify().or_insert, get_mut
use std::collections::HashMap;

fn main() {
    let words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"];
    let mut by_letter: HashMap<char, Vec<&str>> = HashMap::new();
    for w in words {
        by_letter.entry(w.chars().next().unwrap()).or_insert_with(Vec::new).push(w);
    }
    let mut letters: Vec<_> = by_letter.keys().copied().collect();
    letters.sort();
    for c in letters {
        println!("{c}: {:?}", by_letter[&c]);
    }
    let mut stock: HashMap<&str, u32> = HashMap::new();
    for (item, n) in [("pen", 3), ("ink", 1), ("pen", 2)] {
        stock.entry(item).and_modify(|count| *count += n).or_insert(n);
    }
    if let Some(ink) = stock.get_mut("ink") {
        *ink *= 10;
    }
    println!("pens {} ink {}", stock["pen"], stock["ink"]);
}
