// push_str past the capacity reallocates: the capacity at least doubles, so growth is amortised.
fn main() {
    let mut s = String::from("ab");
    let mut i = 0;
    while i < 6 {
        s.push_str("cdefg");
        println!("len {} capacity {}", s.len(), s.capacity());
        i += 1;
    }
}
