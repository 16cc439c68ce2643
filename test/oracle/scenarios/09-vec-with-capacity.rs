// Vec::with_capacity(n) allocates n * size_of::<T>() at once; growth past it doubles.
fn main() {
    let mut v: Vec<u64> = Vec::with_capacity(3);
    for i in 0..4 {
        v.push(i);
    }
    println!("len {} cap {}", v.len(), v.capacity());
}
