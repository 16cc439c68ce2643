// VecDeque (push/pop at both ends, front/back, indexing, for over &deque) and BTreeMap/BTreeSet
// (insert past one node so it splits, entry, get, remove, in-order iteration, clone).
use std::collections::{BTreeMap, BTreeSet, VecDeque};

fn main() {
    let mut q: VecDeque<String> = VecDeque::new();
    q.push_back(String::from("b"));
    q.push_front(String::from("a"));
    q.push_back(String::from("c"));
    let first = q.pop_front();
    println!("{:?} {:?} {:?} {}", first, q.front(), q.back(), q[0]);
    for s in &q {
        print!("{s} ");
    }
    println!("{}", q.len());
    let mut m: BTreeMap<u32, String> = BTreeMap::new();
    for i in 0..13 {
        m.insert(i * 7 % 13, format!("v{i}"));
    }
    *m.entry(3).or_insert(String::new()) += "!";
    let gone = m.remove(&5);
    println!("{:?} {:?} {}", gone, m.get(&3), m.len());
    let keys: BTreeSet<u32> = BTreeSet::new();
    let mut keys = keys.clone();
    for (k, _) in &m {
        keys.insert(*k % 4);
    }
    println!("{:?} {:?}", keys, m);
}
