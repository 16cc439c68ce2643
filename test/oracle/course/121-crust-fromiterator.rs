// Adapted from: Comprehensive Rust, "FromIterator" — https://google.github.io/comprehensive-rust/iterators/fromiterator.html
// teaches: collect into Vec, String and HashMap; zip; the turbofish ::<Vec<_>>
use std::collections::HashMap;

fn main() {
    let primes = vec![2, 3, 5, 7];
    let prime_squares = primes.iter().map(|p| p * p).collect::<Vec<_>>();
    println!("prime_squares: {prime_squares:?}");
    let word: String = vec!['r', 'u', 's', 't'].into_iter().collect();
    let names = ["one", "two", "three"];
    let lookup: HashMap<&str, i32> = names.iter().copied().zip(1..).collect();
    println!("{word} {} {} {}", lookup["one"], lookup["three"], lookup.len());
}
