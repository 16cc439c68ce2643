// Adapted from: Rust by Example, "HashMap" — https://doc.rust-lang.org/rust-by-example/std/hash.html
// teaches: HashMap<&str, &str> insert (returning the old value), get, remove; lookups print deterministically
use std::collections::HashMap;

fn call(number: &str) -> &str {
    match number {
        "798-1364" => "We're sorry, the call cannot be completed as dialed. Please hang up and try again.",
        "645-7689" => "Hello, this is Mr. Awesome's Pizza. My name is Fred. What can I get for you today?",
        _ => "Hi! Who is this again?",
    }
}

fn main() {
    let mut contacts = HashMap::new();
    contacts.insert("Daniel", "798-1364");
    contacts.insert("Ashley", "645-7689");
    contacts.insert("Katie", "435-8291");
    contacts.insert("Robert", "956-1745");
    match contacts.get(&"Daniel") {
        Some(&number) => println!("Calling Daniel: {}", call(number)),
        _ => println!("Don't have Daniel's number."),
    }
    println!("old Daniel entry: {:?}", contacts.insert("Daniel", "164-6743"));
    match contacts.get(&"Ashley") {
        Some(&number) => println!("Calling Ashley: {}", call(number)),
        _ => println!("Don't have Ashley's number."),
    }
    contacts.remove(&"Ashley");
    let mut names: Vec<String> = contacts.keys().map(|k| k.to_string()).collect();
    names.sort();
    println!("{names:?} ({} left)", contacts.len());
}
