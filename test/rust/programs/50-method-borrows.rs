// Borrows returned through method calls and chains (first, get, as_str, last_mut, iter_mut,
// split_whitespace), a key sort, a reversed split and reversed enumerate/skip/take/chain, std's
// Ordering by its `use`, and a `use` inside one fn: the base of the targeted mutants in
// test/rust/targeted-mutants.ts (same verdict as rustc).
use std::cmp::Ordering;

fn count_distinct(words: &[&str]) -> usize {
    use std::collections::HashSet;
    let set: HashSet<&str> = words.iter().copied().collect();
    set.len()
}

fn main() {
    let mut v = vec![3, 1, 2];
    let f = v.first();
    println!("{:?}", f);
    v.push(4);
    let x = v.last_mut().unwrap();
    *x = 10;
    println!("{:?} {}", v, v.len());
    let first = v.iter_mut().next();
    if let Some(n) = first {
        *n += 1;
    }
    v.push(5);
    let mut s = String::from("hello world");
    let w = s.as_str();
    println!("{}", w);
    s.push('!');
    let words: Vec<&str> = s.split_whitespace().collect();
    println!("{:?} {}", words, count_distinct(&words));
    let mut pairs = vec![(2, 0.5), (1, 1.5)];
    pairs.sort_by_key(|p| p.0);
    println!("{:?}", pairs);
    let back: Vec<&str> = s.split(' ').rev().collect();
    println!("{:?}", back);
    match v[0].cmp(&v[1]) {
        Ordering::Less => println!("less"),
        Ordering::Equal => println!("equal"),
        Ordering::Greater => println!("greater"),
    }
    let names = vec![String::from("x"), String::from("yy"), String::from("zzz")];
    for (i, n) in names.iter().enumerate().rev() {
        println!("{} {}", i, n);
    }
    let tail: Vec<String> = names.clone().into_iter().skip(1).rev().collect();
    let head: Vec<String> = names.into_iter().take(2).rev().collect();
    let both: Vec<&i32> = v.iter().chain(v.iter().skip(3)).rev().collect();
    println!("{:?} {:?} {:?}", tail, head, both);
    println!("{}", v.len());
}
