// Adapted from: Comprehensive Rust, "Exercise: Generic min" — https://google.github.io/comprehensive-rust/generics/exercise.html
// teaches: fn min<T: Ord>(a: T, b: T) -> T monomorphised for i32, char and String; the String not returned is dropped inside
use std::cmp::Ordering;

fn min<T: Ord>(l: T, r: T) -> T {
    match l.cmp(&r) {
        Ordering::Less | Ordering::Equal => l,
        Ordering::Greater => r,
    }
}

fn main() {
    println!("{}", min(0, 10));
    println!("{}", min(500, 123));
    println!("{}", min('a', 'z'));
    println!("{}", min('7', '1'));
    let word = min(String::from("hello"), String::from("goodbye"));
    println!("{word}");
    println!("{}", min(String::from("bat"), String::from("armadillo")));
}
