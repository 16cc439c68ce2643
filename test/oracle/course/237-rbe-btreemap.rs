// Adapted from: std::collections::BTreeMap documentation (ordered maps, as Rust by Example's HashMap page contrasts) — https://doc.rust-lang.org/std/collections/struct.BTreeMap.html
// teaches: BTreeMap keeps keys sorted, so iteration order is deterministic; entry API works the same
use std::collections::BTreeMap;

fn main() {
    let mut movie_reviews = BTreeMap::new();
    movie_reviews.insert("Office Space", "Deals with real issues in the workplace.");
    movie_reviews.insert("Pulp Fiction", "Masterpiece.");
    movie_reviews.insert("The Godfather", "Very enjoyable.");
    movie_reviews.insert("The Blues Brothers", "Eye lyked it a lot.");
    movie_reviews.remove("The Blues Brothers");
    for (movie, review) in &movie_reviews {
        println!("{movie}: \"{review}\"");
    }
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for c in "mississippi".chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    println!("{counts:?}");
}
