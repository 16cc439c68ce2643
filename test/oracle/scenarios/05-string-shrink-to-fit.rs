// shrink_to_fit reallocates down to the length; on an empty string it frees the buffer.
fn main() {
    let mut s = String::with_capacity(64);
    s.push_str("tiny");
    s.shrink_to_fit();
    println!("{} {}", s.len(), s.capacity());
    s.clear();
    s.shrink_to_fit();
    println!("{} {}", s.len(), s.capacity());
}
