// Adapted from: rustlings, exercises/23_conversions/from_str.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/23_conversions
// teaches: impl FromStr with an error enum wrapping ParseIntError; "text".parse::<Person>() calls it
use std::num::ParseIntError;
use std::str::FromStr;

#[derive(Debug, PartialEq)]
struct Person {
    name: String,
    age: u8,
}

#[derive(Debug, PartialEq)]
enum ParsePersonError {
    BadLen,
    NoName,
    ParseInt(ParseIntError),
}

impl FromStr for Person {
    type Err = ParsePersonError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fields: Vec<&str> = s.split(',').collect();
        if fields.len() != 2 {
            return Err(ParsePersonError::BadLen);
        }
        let name = fields[0];
        if name.is_empty() {
            return Err(ParsePersonError::NoName);
        }
        let age = fields[1].parse::<u8>().map_err(ParsePersonError::ParseInt)?;
        Ok(Person { name: name.into(), age })
    }
}

fn main() {
    let p: Person = "Grace,85".parse().unwrap();
    println!("{} is {}", p.name, p.age);
    for bad in ["Grace", ",3", "Grace,old", "Grace,300"] {
        println!("{bad:?}: {:?}", bad.parse::<Person>());
    }
}
