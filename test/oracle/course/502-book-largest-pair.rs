// Adapted from: The Rust Programming Language, ch. 10.2 "Traits: Defining Shared Behavior" (trait bounds, where clauses, impl Trait) — https://doc.rust-lang.org/book/ch10-02-traits.html
// teaches: generic fns monomorphised per type (i64, f64, &str, String), bounds in <> and in where, impl Trait arguments and results
use std::fmt::Display;

fn bigger<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if a > b { a } else { b }
}

fn describe<T>(label: &str, value: T) -> String
where
    T: Display,
{
    format!("{label} = {value}")
}

fn shout(item: &impl Display) -> String {
    format!("{}!", item)
}

fn make_label(n: u32) -> impl Display {
    format!("label #{n}")
}

fn main() {
    println!("{}", bigger(7i64, -3));
    println!("{}", bigger(2.5, 1.25));
    println!("{}", bigger("pear", "apple"));
    let s = describe("count", 42u8);
    let t = describe("name", String::from("Ferris"));
    println!("{s} / {t}");
    println!("{}", shout(&t));
    let label = make_label(7);
    println!("{label}");
}
