// reserve(n) makes room for n more bytes: the new capacity is max(2 * cap, len + n).
fn main() {
    let mut s = String::from("abc");
    s.reserve(2);
    println!("{}", s.capacity());
    s.reserve(100);
    println!("{}", s.capacity());
    s.reserve_exact(200);
    println!("{}", s.capacity());
}
