// Adapted from: rustlings, exercises/23_conversions/from_into.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/23_conversions
// teaches: impl From<&str> with a Default fallback: split_once-free parsing with split and collect, parse::<u8>, into()
#[derive(Debug)]
struct Person {
    name: String,
    age: u8,
}

impl Default for Person {
    fn default() -> Self {
        Self { name: String::from("John"), age: 30 }
    }
}

impl From<&str> for Person {
    fn from(s: &str) -> Self {
        let parts: Vec<&str> = s.split(',').collect();
        if parts.len() != 2 || parts[0].is_empty() {
            return Person::default();
        }
        match parts[1].parse::<u8>() {
            Ok(age) => Person { name: parts[0].to_string(), age },
            Err(_) => Person::default(),
        }
    }
}

fn main() {
    for line in ["Mark,20", "", "Mike,thirty", ",1", "Mary,42,extra"] {
        let p = Person::from(line);
        println!("{line:?} -> {} ({})", p.name, p.age);
    }
    let q: Person = "Ada,36".into();
    println!("{:?}", q);
}
