// Adapted from: Comprehensive Rust, "Standard Library Types: HashMap" — https://google.github.io/comprehensive-rust/std-types/hashmap.html
// teaches: HashMap<String, i32> insert/contains_key/get/entry; the table's growth is hashbrown's
use std::collections::HashMap;

fn main() {
    let mut page_counts = HashMap::new();
    page_counts.insert("Adventures of Huckleberry Finn".to_string(), 207);
    page_counts.insert("Grimms' Fairy Tales".to_string(), 751);
    page_counts.insert("Pride and Prejudice".to_string(), 303);
    if !page_counts.contains_key("Les Misérables") {
        println!("We know about {} books, but not Les Misérables.", page_counts.len());
    }
    for book in ["Pride and Prejudice", "Alice's Adventure in Wonderland"] {
        match page_counts.get(book) {
            Some(count) => println!("{book}: {count} pages"),
            None => println!("{book} is unknown."),
        }
    }
    for book in ["Pride and Prejudice", "Alice's Adventure in Wonderland"] {
        let page_count: &mut i32 = page_counts.entry(book.to_string()).or_insert(0);
        *page_count += 1;
    }
    let mut all: Vec<_> = page_counts.iter().collect();
    all.sort();
    println!("{all:?}");
}
