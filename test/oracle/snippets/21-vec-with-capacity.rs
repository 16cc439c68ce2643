// Vec::with_capacity allocates all the room at once; pushing within it never reallocates.
fn main() {
    let mut planned = Vec::with_capacity(10);
    let mut grown = Vec::new();
    for i in 0..10 {
        planned.push(i);
        grown.push(i);
    }
    println!("planned {} {}", planned.len(), planned.capacity());
    println!("grown {} {}", grown.len(), grown.capacity());
}
