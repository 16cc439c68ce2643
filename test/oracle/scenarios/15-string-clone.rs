// clone allocates the length, not the capacity, of the original.
fn main() {
    let mut s = String::with_capacity(32);
    s.push_str("abc");
    let t = s.clone();
    println!("{} {} {} {}", s, s.capacity(), t, t.capacity());
}
