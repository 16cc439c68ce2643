// String::from allocates exactly the literal's length; push_str grows by doubling (at least to the needed length).
fn main() {
    let mut s = String::from("hello");
    println!("{} {}", s.len(), s.capacity());
    for _ in 0..6 {
        s.push_str(", world");
        println!("{} {}", s.len(), s.capacity());
    }
}
