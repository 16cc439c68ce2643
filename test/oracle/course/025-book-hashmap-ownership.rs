// Adapted from: The Rust Programming Language, ch. 8.3 "Hash Maps and Ownership" — https://doc.rust-lang.org/book/ch08-03-hash-maps.html
// teaches: insert moves String keys and values into the map; the map frees them when dropped
use std::collections::HashMap;

fn main() {
    let field_name = String::from("Favorite color");
    let field_value = String::from("Blue");
    let mut map = HashMap::new();
    map.insert(field_name, field_value);
    println!("{:?}", map.get("Favorite color"));
    println!("{} entry, capacity at least {}", map.len(), map.capacity());
    drop(map);
    println!("map dropped");
}
