// Adapted from: Rust by Example, "HashSet" (union, intersection, difference, symmetric_difference) — https://doc.rust-lang.org/rust-by-example/std/hash/hashset.html
// teaches: the set operations are lazy iterators of references; collect pre-sizes from their hints (the larger set's length for union, nothing for the filtering ones)
use std::collections::HashSet;

fn main() {
    let small: HashSet<u64> = (1..10).collect();
    let large: HashSet<u64> = (5..30).collect();
    let mut union: Vec<&u64> = small.union(&large).collect();
    union.sort();
    let mut common: Vec<_> = large.intersection(&small).collect();
    common.sort();
    let mut only_large: Vec<u64> = large.difference(&small).copied().collect();
    only_large.sort();
    let mut either: Vec<_> = small.symmetric_difference(&large).collect();
    either.sort();
    let all: HashSet<u64> = small.union(&large).cloned().collect();
    println!("union {} from {} to {}", union.len(), union[0], union[union.len() - 1]);
    println!("common {common:?}");
    println!("only in large {}, in one of them {}, all {}", only_large.len(), either.len(), all.len());
}
