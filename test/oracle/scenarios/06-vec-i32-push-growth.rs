// Vec<i32> from empty: the first push allocates 4 elements (16 bytes), then capacity doubles: 4, 8, 16, 32.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    for i in 0..20 {
        v.push(i);
        println!("len {} cap {}", v.len(), v.capacity());
    }
}
