// Iterator adapters and sorting by closures: a map's values()/keys()/iter() as iterators,
// collect::<Vec<_>>() and sum::<T>() by turbofish, Option::copied, cycle().take(), sort_by_key
// (the closure twice per comparison) and sort_by. Keys of one length, so RandomState's order cannot show.
use std::collections::HashMap;
fn main() {
    let mut ages = HashMap::new();
    ages.insert("ann", 31);
    ages.insert("bob", 17);
    ages.insert("cyd", 45);
    let total = ages.values().sum::<u32>();
    let adults = ages.values().filter(|&&a| a >= 18).count();
    let names = ages.keys().map(|k| k.to_string()).collect::<Vec<_>>();
    let bob = ages.get("bob").copied().unwrap_or(0);
    println!("{total} {adults} {} {bob}", names.len());
    let mut calls = 0;
    let mut words = vec![String::from("pear"), String::from("fig"), String::from("apple")];
    words.sort_by_key(|w| {
        calls += 1;
        w.len()
    });
    println!("{words:?} after {calls} calls");
    words.sort_by(|a, b| b.cmp(a));
    let laps: Vec<&String> = words.iter().cycle().take(4).collect();
    println!("{laps:?}");
    let firsts: Vec<char> = words.iter().map(|w| w.chars().next().unwrap()).collect();
    println!("{}", firsts.iter().collect::<String>());
}
