// Adapted from: The Rust Programming Language, ch. 8 "Summary" exercise (median and mode of a list of integers) — https://doc.rust-lang.org/book/ch08-03-hash-maps.html#summary
// teaches: clone + sort for the median, a HashMap<i32, usize> of counts for the mode
use std::collections::HashMap;

fn median(v: &[i32]) -> f64 {
    let mut sorted = v.to_vec();
    sorted.sort();
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 0 { (sorted[mid - 1] + sorted[mid]) as f64 / 2.0 } else { sorted[mid] as f64 }
}

fn mode(v: &[i32]) -> i32 {
    let mut counts = HashMap::new();
    for &x in v {
        *counts.entry(x).or_insert(0) += 1;
    }
    let mut best = (0, i32::MIN);
    for (&value, &count) in &counts {
        if count > best.0 || (count == best.0 && value < best.1) {
            best = (count, value);
        }
    }
    best.1
}

fn main() {
    let numbers = vec![3, 7, 3, 9, 1, 7, 3, 8];
    println!("median {} mode {}", median(&numbers), mode(&numbers));
}
