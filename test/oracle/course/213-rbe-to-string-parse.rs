// Adapted from: Rust by Example, "To and from Strings" — https://doc.rust-lang.org/rust-by-example/conversion/string.html
// teaches: Display gives to_string(); parse with a type annotation and with the turbofish
use std::fmt;

struct Circle {
    radius: i32,
}

impl fmt::Display for Circle {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Circle of radius {}", self.radius)
    }
}

fn main() {
    let circle = Circle { radius: 6 };
    let text = circle.to_string();
    println!("{} ({} bytes)", text, text.len());
    let parsed: i32 = "5".parse().unwrap();
    let turbo_parsed = "10".parse::<i32>().unwrap();
    let sum = parsed + turbo_parsed;
    println!("Sum: {:?}", sum);
    let all: Vec<f64> = "1.5 2.25 -3".split(' ').map(|s| s.parse().unwrap()).collect();
    println!("{all:?}");
}
