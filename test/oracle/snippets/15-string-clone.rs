// clone makes a second heap block holding a copy of the bytes; its capacity is the length, not the original's capacity.
fn main() {
    let mut original = String::with_capacity(20);
    original.push_str("copy me");
    let copy = original.clone();
    original.push_str("!");
    println!("{} {}", original, original.capacity());
    println!("{} {}", copy, copy.capacity());
}
