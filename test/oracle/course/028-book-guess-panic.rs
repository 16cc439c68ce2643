// Adapted from: The Rust Programming Language, ch. 9.3 "Creating Custom Types for Validation" — https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html
// teaches: a constructor that panics with a formatted message; the panic ends the run after earlier output
pub struct Guess {
    value: i32,
}

impl Guess {
    pub fn new(value: i32) -> Guess {
        if value < 1 || value > 100 {
            panic!("Guess value must be between 1 and 100, got {value}.");
        }
        Guess { value }
    }

    pub fn value(&self) -> i32 {
        self.value
    }
}

fn main() {
    let log = vec![String::from("start")];
    let g = Guess::new(50);
    println!("{} {}", log[0], g.value());
    let h = Guess::new(200);
    println!("not reached {}", h.value());
}
