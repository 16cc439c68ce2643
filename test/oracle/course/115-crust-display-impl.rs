// Adapted from: Comprehensive Rust, "Standard Library Traits" / std::fmt Display — https://google.github.io/comprehensive-rust/std-traits.html
// teaches: impl fmt::Display with write!; to_string() builds a String through the impl
use std::fmt;

struct Temperature {
    celsius: f64,
}

impl fmt::Display for Temperature {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:.1}°C", self.celsius)
    }
}

fn main() {
    let t = Temperature { celsius: 21.456 };
    let s = t.to_string();
    println!("{t} -> {s} ({} bytes)", s.len());
    let list: Vec<String> = vec![Temperature { celsius: -3.0 }, Temperature { celsius: 100.0 }].iter().map(|t| t.to_string()).collect();
    println!("{}", list.join(", "));
}
