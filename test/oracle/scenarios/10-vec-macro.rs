// vec![a, b, c] allocates exactly len elements; vec![x; n] too.
fn main() {
    let a = vec![1, 2, 3];
    let b = vec![0u16; 5];
    println!("{:?} {} {:?} {}", a, a.capacity(), b, b.capacity());
}
