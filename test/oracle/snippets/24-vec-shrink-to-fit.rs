// shrink_to_fit gives back unused capacity by reallocating to the exact length.
fn main() {
    let mut v = Vec::with_capacity(100);
    for i in 0..10 {
        v.push(i);
    }
    println!("before: len {} capacity {}", v.len(), v.capacity());
    v.shrink_to_fit();
    println!("after: len {} capacity {}", v.len(), v.capacity());
}
