// Reserving up front with with_capacity makes one allocation instead of a chain of reallocations.
fn main() {
    let mut grown = String::new();
    let mut planned = String::with_capacity(40);
    for _ in 0..8 {
        grown.push_str("abcde");
        planned.push_str("abcde");
    }
    println!("grown: {} {}", grown.len(), grown.capacity());
    println!("planned: {} {}", planned.len(), planned.capacity());
}
