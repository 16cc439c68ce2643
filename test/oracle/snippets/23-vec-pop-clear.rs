// pop and clear shorten a Vec but keep its heap block: capacity stays the same.
fn main() {
    let mut v = vec![1, 2, 3, 4, 5];
    v.push(6);
    println!("len {} capacity {}", v.len(), v.capacity());
    v.pop();
    v.pop();
    println!("len {} capacity {}", v.len(), v.capacity());
    v.clear();
    println!("len {} capacity {}", v.len(), v.capacity());
}
