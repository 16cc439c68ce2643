// Box of a String, Rc of a struct: drops follow the owners.
use std::rc::Rc;

struct Node {
    name: String,
    weight: u32,
}

fn main() {
    let b = Box::new(String::from("boxed text"));
    println!("{} {}", b, b.len());
    let shared = Rc::new(Node { name: String::from("root"), weight: 3 });
    let a = Rc::clone(&shared);
    let c = shared.clone();
    println!("{} {} {}", a.name, c.weight, Rc::strong_count(&shared));
    drop(a);
    println!("{}", Rc::strong_count(&c));
    let nested = Box::new(Box::new(5));
    println!("{}", **nested + 1);
    let mut counter = Box::new(0);
    *counter += 10;
    println!("{}", counter);
}
