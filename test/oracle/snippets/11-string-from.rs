// String::from copies a literal from static memory into a heap block of exactly its length.
fn main() {
    let literal = "hello";
    let owned = String::from(literal);
    println!("{} {}", literal, owned);
    println!("len {} capacity {}", owned.len(), owned.capacity());
}
