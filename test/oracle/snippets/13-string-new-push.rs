// String::new owns no heap block until the first push, which allocates 8 bytes.
fn main() {
    let mut s = String::new();
    println!("empty: len {} capacity {}", s.len(), s.capacity());
    for _ in 0..10 {
        s.push('x');
        println!("len {} capacity {}", s.len(), s.capacity());
    }
}
