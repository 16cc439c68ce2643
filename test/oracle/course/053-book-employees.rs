// Adapted from: The Rust Programming Language, ch. 8 "Summary" exercise (employees by department) — https://doc.rust-lang.org/book/ch08-03-hash-maps.html#summary
// teaches: HashMap<String, Vec<String>> with entry().or_default(), parsing "Add X to Y" commands, sorted output
use std::collections::HashMap;

fn main() {
    let commands = ["Add Sally to Engineering", "Add Amir to Sales", "Add Bo to Engineering", "Fire Bo"];
    let mut company: HashMap<String, Vec<String>> = HashMap::new();
    for command in commands {
        let words: Vec<&str> = command.split_whitespace().collect();
        if let ["Add", name, "to", dept] = words[..] {
            company.entry(dept.to_string()).or_default().push(name.to_string());
        } else {
            println!("ignored: {command}");
        }
    }
    let mut depts: Vec<&String> = company.keys().collect();
    depts.sort();
    for d in depts {
        let mut people = company[d].clone();
        people.sort();
        println!("{d}: {}", people.join(", "));
    }
}
