// Adapted from: rustlings, exercises/18_iterators/iterators5.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/18_iterators
// teaches: counting values in a HashMap with a for loop and with values().filter().count(); a slice of maps summed with map + sum
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    None,
    Some,
    Complete,
}

fn count_for(map: &HashMap<String, Progress>, value: Progress) -> usize {
    let mut count = 0;
    for val in map.values() {
        if *val == value {
            count += 1;
        }
    }
    count
}

fn count_iterator(map: &HashMap<String, Progress>, value: Progress) -> usize {
    map.values().filter(|v| **v == value).count()
}

fn count_collection_iterator(collection: &[HashMap<String, Progress>], value: Progress) -> usize {
    collection.iter().map(|map| count_iterator(map, value)).sum()
}

fn get_map() -> HashMap<String, Progress> {
    let mut map = HashMap::new();
    map.insert(String::from("variables1"), Progress::Complete);
    map.insert(String::from("functions1"), Progress::Complete);
    map.insert(String::from("hashmap1"), Progress::Complete);
    map.insert(String::from("arc1"), Progress::Some);
    map.insert(String::from("as_ref_mut"), Progress::None);
    map.insert(String::from("from_str"), Progress::None);
    map
}

fn main() {
    let map = get_map();
    println!("{} {}", count_for(&map, Progress::Complete), count_iterator(&map, Progress::Complete));
    let mut other = HashMap::new();
    other.insert(String::from("variables2"), Progress::Complete);
    other.insert(String::from("structs3"), Progress::Some);
    let collection = vec![map, other];
    for p in [Progress::Complete, Progress::Some, Progress::None] {
        println!("{}", count_collection_iterator(&collection, p));
    }
}
