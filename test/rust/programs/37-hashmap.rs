// HashMap and HashSet: hashbrown's table growing (3, 7, 14, 28 entries: a new block, then the old
// one freed), get/insert/remove/contains_key, entry().or_insert / or_default, map[&k], for over
// &map, values(), values_mut(). Keys whose drops look alike, so RandomState's order cannot show.
use std::collections::HashMap;
use std::collections::HashSet;
fn main() {
    let mut m: HashMap<u64, u64> = HashMap::new();
    for i in 0..20 {
        m.insert(i, i * i);
    }
    println!("{} {} {:?} {:?}", m.len(), m.capacity(), m.get(&3), m.get(&99));
    *m.entry(3).or_insert(0) += 1;
    *m.entry(50).or_insert(7) += 1;
    println!("{} {}", m[&3], m[&50]);
    let mut total = 0;
    for (k, v) in &m {
        total += k + v;
    }
    for v in m.values_mut() {
        *v += 1;
    }
    let mut sum = 0;
    for v in m.values() { sum += v; }
    println!("{total} {sum} {:?} {}", m.remove(&50), m.contains_key(&50));
    let mut s = HashSet::new();
    println!("{} {} {}", s.insert(3), s.insert(3), s.contains(&3));
    let mut words: HashMap<String, usize> = HashMap::new();
    for w in ["a", "b", "a"] {
        *words.entry(w.to_string()).or_default() += 1;
    }
    println!("{} {:?}", words["a"], words.get("b"));
}
