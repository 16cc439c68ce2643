// Adapted from: Rust by Example, "Partial moves" — https://doc.rust-lang.org/rust-by-example/scope/move/partial_move.html
// teaches: destructuring moves one field (name) while `ref` borrows another (age: Box<u8>); the rest stays usable
#[derive(Debug)]
struct Person {
    name: String,
    age: Box<u8>,
}

fn main() {
    let person = Person { name: String::from("Alice"), age: Box::new(20) };
    let Person { name, ref age } = person;
    println!("The person's age is {}", age);
    println!("The person's name is {}", name);
    println!("The person's age from person struct is {}", person.age);
}
