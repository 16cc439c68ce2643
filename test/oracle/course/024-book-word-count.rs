// Adapted from: The Rust Programming Language, ch. 8.3 "Updating a Value Based on the Old Value" — https://doc.rust-lang.org/book/ch08-03-hash-maps.html
// teaches: split_whitespace, entry().or_insert(0) returning &mut, *count += 1; the table grows as words arrive
use std::collections::HashMap;

fn main() {
    let text = "hello world wonderful world of the world hello again";
    let mut map = HashMap::new();
    for word in text.split_whitespace() {
        let count = map.entry(word).or_insert(0);
        *count += 1;
    }
    let mut words: Vec<_> = map.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{words:?}");
}
