// String::new does not allocate; the first push allocates 8 bytes (minimum capacity for 1-byte elements), then doubles.
fn main() {
    let mut s = String::new();
    println!("{} {}", s.len(), s.capacity());
    for c in "abcdefghijklmnopqrstuvwxyz0123456789".chars() {
        s.push(c);
    }
    println!("{} {} {}", s, s.len(), s.capacity());
}
