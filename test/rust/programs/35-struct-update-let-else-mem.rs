// Struct update syntax (a partial move from a variable, the rest of a temporary dropped), let-else,
// std::mem::{replace, take, swap} and a field moved out of a Box.
use std::mem;

#[derive(Debug, Clone)]
struct Config {
    name: String,
    tags: Vec<String>,
    level: u8,
}

struct Node {
    label: String,
    next: Option<Box<Node>>,
}

fn level_of(text: Option<&str>) -> u8 {
    let Some(t) = text else {
        return 0;
    };
    t.len() as u8
}

fn main() {
    let base = Config { name: String::from("base"), tags: vec![String::from("x")], level: 1 };
    let first = Config { name: String::from("first"), ..base };
    println!("{:?} {}", first, base.name);
    let second = Config { level: 7, ..first.clone() };
    let mut name = mem::replace(&mut first.name.clone(), String::from("unused"));
    name.push('!');
    let mut tags = second.tags.clone();
    let old = mem::take(&mut tags);
    let mut a = String::from("a");
    let mut b = String::from("bb");
    mem::swap(&mut a, &mut b);
    println!("{name} {old:?} {tags:?} {a} {b} {}", level_of(Some("abc")) + level_of(None));
    let node = Box::new(Node { label: String::from("head"), next: Some(Box::new(Node { label: String::from("tail"), next: None })) });
    let rest = node.next;
    let size = match rest {
        Some(n) => n.label.len(),
        None => 0,
    };
    println!("{} {}", node.label, size);
}
