// Elements larger than 1024 bytes start at capacity 1: 1, 2, 4.
fn main() {
    let mut v: Vec<[u8; 2000]> = Vec::new();
    for i in 0..4u8 {
        v.push([i; 2000]);
        println!("len {} cap {}", v.len(), v.capacity());
    }
}
