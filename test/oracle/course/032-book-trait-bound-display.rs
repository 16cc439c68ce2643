// Adapted from: The Rust Programming Language, ch. 10.2 "Using Trait Bounds to Conditionally Implement Methods" — https://doc.rust-lang.org/book/ch10-02-traits.html
// teaches: impl<T: Display + PartialOrd> Pair<T>, where clauses, Display on a user type
use std::fmt::Display;

struct Pair<T> {
    x: T,
    y: T,
}

impl<T> Pair<T> {
    fn new(x: T, y: T) -> Self {
        Self { x, y }
    }
}

impl<T: Display + PartialOrd> Pair<T> {
    fn cmp_display(&self) {
        if self.x >= self.y {
            println!("The largest member is x = {}", self.x);
        } else {
            println!("The largest member is y = {}", self.y);
        }
    }
}

fn announce<T>(label: &str, value: T) -> String
where
    T: Display,
{
    format!("{label}: {value}")
}

fn main() {
    Pair::new(3, 9).cmp_display();
    Pair::new(String::from("beta"), String::from("alpha")).cmp_display();
    println!("{}", announce("answer", 42));
}
