// A struct with String fields: the struct is on the stack, each field's text is its own heap block.
struct Person {
    name: String,
    city: String,
    age: u32,
}

fn describe(p: &Person) -> String {
    format!("{} ({}) from {}", p.name, p.age, p.city)
}

fn main() {
    let alice = Person { name: String::from("Alice"), city: String::from("Lyon"), age: 31 };
    let line = describe(&alice);
    println!("{}", line);
    let name_copy = alice.name.clone();
    let moved = alice;
    println!("{} {}", name_copy, moved.city);
}
