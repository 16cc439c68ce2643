// Adapted from: Comprehensive Rust, "Standard Library Types: HashMap" and "Iterators" — https://google.github.io/comprehensive-rust/std-types/hashmap.html
// teaches: a HashMap's values().sum(), keys().map().collect::<Vec<_>>(), iter().filter().count(); collect pre-sizes from the map's length
use std::collections::HashMap;

fn main() {
    let mut stock: HashMap<String, u32> = HashMap::new();
    stock.insert(String::from("apples"), 12);
    stock.insert(String::from("pears"), 0);
    stock.insert(String::from("plums"), 7);
    stock.insert(String::from("figs"), 3);
    let total: u32 = stock.values().sum();
    let empty = stock.iter().filter(|(_, &n)| n == 0).count();
    let mut names = stock.keys().map(|k| k.to_uppercase()).collect::<Vec<_>>();
    names.sort();
    let mut big: Vec<(&String, &u32)> = stock.iter().filter(|&(_, n)| *n > 5).collect();
    big.sort();
    let most = stock.values().copied().max().unwrap_or(0);
    println!("{total} items, {empty} empty, most {most}");
    println!("{names:?}");
    println!("{big:?}");
}
