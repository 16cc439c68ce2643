// Vec<i32> growth from empty: capacity 4 on the first push, then doubling to 8, 16.
fn main() {
    let mut v = Vec::new();
    for i in 0..12 {
        v.push(i * i);
        println!("len {} capacity {}", v.len(), v.capacity());
    }
    println!("last {}", v[11]);
}
