// Adapted from: std::collections::BTreeSet documentation (a sorted set; iteration in order) — https://doc.rust-lang.org/std/collections/struct.BTreeSet.html
// teaches: a BTreeSet<&str> keeps its words sorted whatever the insert order; duplicates are not stored; a clone copies node by node
use std::collections::BTreeSet;

fn main() {
    let text = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "and", "the", "quick", "cat", "naps", "while", "owls", "hoot"];
    let mut words = BTreeSet::new();
    let mut fresh = 0;
    for w in text {
        if words.insert(w) {
            fresh += 1;
        }
    }
    println!("{} distinct of {}: {:?}", fresh, text.len(), words);
    let snapshot = words.clone();
    for w in ["the", "quick", "fox", "dog", "cat", "naps"] {
        words.remove(w);
    }
    println!("{:?} {}", words, words.contains("owls"));
    println!("{} {}", snapshot.len(), words.len());
}
