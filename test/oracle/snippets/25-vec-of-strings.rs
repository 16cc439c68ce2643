// A Vec<String> owns a buffer of (ptr, len, cap) triples, each pointing to its own heap block.
fn main() {
    let mut names = Vec::new();
    names.push(String::from("Ada"));
    names.push(String::from("Grace"));
    names.push(String::from("Barbara"));
    for name in &names {
        println!("{} ({} bytes)", name, name.len());
    }
    println!("{} names, capacity {}", names.len(), names.capacity());
}
