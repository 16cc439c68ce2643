// Adapted from: rustlings, exercises/18_iterators/iterators4.rs and iterators5.rs (factorial, counting progress) — https://github.com/rust-lang/rustlings/tree/main/exercises/18_iterators
// teaches: product over a range, values().filter().count(), flat_map over a slice of maps
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    None,
    Some,
    Complete,
}

fn factorial(num: u64) -> u64 {
    (1..=num).product()
}

fn count_iterator(map: &HashMap<String, Progress>, value: Progress) -> usize {
    map.values().filter(|&&v| v == value).count()
}

fn count_collection_iterator(collection: &[HashMap<String, Progress>], value: Progress) -> usize {
    collection.iter().map(|map| count_iterator(map, value)).sum()
}

fn main() {
    let mut map = HashMap::new();
    map.insert(String::from("variables1"), Progress::Complete);
    map.insert(String::from("functions1"), Progress::Complete);
    map.insert(String::from("hashmap1"), Progress::Some);
    let mut other = HashMap::new();
    other.insert(String::from("arc1"), Progress::None);
    other.insert(String::from("as_ref_mut"), Progress::Complete);
    let collection = vec![map, other];
    println!("{} {} {} {}", factorial(10), count_collection_iterator(&collection, Progress::Complete), count_collection_iterator(&collection, Progress::Some), count_collection_iterator(&collection, Progress::None));
}
