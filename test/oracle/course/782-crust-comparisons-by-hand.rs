// Adapted from: Comprehensive Rust, "Comparisons" — https://google.github.io/comprehensive-rust/std-traits/comparisons.html
// teaches: PartialEq written by hand (metadata ignored), PartialOrd by hand through partial_cmp of the fields, sorting with it
use std::cmp::Ordering;

struct Key {
    id: u32,
    metadata: Option<String>,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

#[derive(Debug, Eq, PartialEq)]
struct Citation {
    author: String,
    year: u32,
}

impl PartialOrd for Citation {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.author.partial_cmp(&other.author) {
            Some(Ordering::Equal) => self.year.partial_cmp(&other.year),
            by_author => by_author,
        }
    }
}

fn main() {
    let a = Key { id: 7, metadata: Some(String::from("first")) };
    let b = Key { id: 7, metadata: None };
    println!("same key: {} (metadata {:?} vs {:?})", a == b, a.metadata, b.metadata);

    let mut refs = vec![
        Citation { author: String::from("Knuth"), year: 1997 },
        Citation { author: String::from("Dijkstra"), year: 1968 },
        Citation { author: String::from("Knuth"), year: 1968 },
    ];
    println!("{}", refs[0] > refs[1]);
    refs.sort_by(|x, y| x.partial_cmp(y).unwrap());
    for c in &refs {
        println!("{} {}", c.author, c.year);
    }
}
