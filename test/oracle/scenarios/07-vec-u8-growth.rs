// Vec<u8> from empty: elements of 1 byte start at capacity 8.
fn main() {
    let mut v: Vec<u8> = Vec::new();
    for i in 0..20u8 {
        v.push(i);
    }
    println!("len {} cap {}", v.len(), v.capacity());
}
