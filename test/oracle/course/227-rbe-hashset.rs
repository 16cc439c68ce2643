// Adapted from: Rust by Example, "HashSet" — https://doc.rust-lang.org/rust-by-example/std/hash/hashset.html
// teaches: HashSet insert returning false on duplicates, contains, union/intersection/difference collected and sorted
use std::collections::HashSet;

fn main() {
    let mut a: HashSet<i32> = vec![1i32, 2, 3].into_iter().collect();
    let mut b: HashSet<i32> = vec![2i32, 3, 4].into_iter().collect();
    assert!(a.insert(4));
    assert!(a.contains(&4));
    println!("insert 4 again: {}", b.insert(4));
    b.insert(5);
    let mut union: Vec<_> = a.union(&b).collect();
    union.sort();
    let mut inter: Vec<_> = a.intersection(&b).collect();
    inter.sort();
    let mut diff: Vec<_> = a.difference(&b).collect();
    diff.sort();
    println!("Union: {:?} Intersection: {:?} Difference: {:?}", union, inter, diff);
}
