// String::with_capacity allocates exactly the capacity asked for; pushes within it do not allocate.
fn main() {
    let mut s = String::with_capacity(10);
    s.push_str("0123456789");
    println!("{} {}", s.len(), s.capacity());
    s.push('!');
    println!("{} {}", s.len(), s.capacity());
}
