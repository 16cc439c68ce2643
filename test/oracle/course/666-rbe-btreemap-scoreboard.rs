// Adapted from: std::collections::BTreeMap documentation (insert, entry, remove, iteration in key order) — https://doc.rust-lang.org/std/collections/struct.BTreeMap.html
// teaches: a BTreeMap's nodes: one leaf holds 11 entries, the 12th insert splits it and adds an internal root; removes merge the leaves back and free the root
use std::collections::BTreeMap;

fn main() {
    let mut scores: BTreeMap<u32, String> = BTreeMap::new();
    let names = ["ada", "bo", "cy", "di", "ed", "flo", "gus", "hal", "ivy", "jo", "kai", "lu", "mo", "ned"];
    let mut i = 0;
    while i < names.len() {
        let points = (i as u32 * 37) % 50;
        scores.insert(points, names[i].to_string());
        i += 1;
    }
    println!("{} players", scores.len());
    for (points, name) in &scores {
        print!("{name}:{points} ");
    }
    println!();
    *scores.entry(6).or_insert(String::new()) += "!";
    if let Some(name) = scores.get_mut(&0) {
        name.push_str("_first");
    }
    let mut removed = 0;
    let mut p = 0;
    while p < 50 {
        if p % 2 == 1 {
            if let Some(name) = scores.remove(&p) {
                removed += name.len();
            }
        }
        p += 1;
    }
    println!("removed {removed} bytes of names; {:?}", scores);
    println!("{} {:?} {}", scores[&0], scores.get(&1), scores.contains_key(&6));
}
