// Adapted from: The Rust Programming Language, ch. 5.2 "Adding Useful Functionality with Derived Traits" — https://doc.rust-lang.org/book/ch05-02-example-structs.html
// teaches: dbg! returns (moves) its value and writes to stderr; {:#?} prints nested structs, enums, Vec, Option and tuples one field per line
#[derive(Debug)]
enum Unit {
    Px,
    Em(f32),
}

#[derive(Debug)]
struct Size {
    width: u32,
    unit: Unit,
}

#[derive(Debug)]
struct Rectangle {
    name: String,
    size: Size,
    tags: Vec<String>,
    parent: Option<Box<Rectangle>>,
}

fn main() {
    let scale = 3;
    let inner = Rectangle { name: String::from("inner"), size: Size { width: dbg!(10 * scale), unit: Unit::Px }, tags: vec![], parent: None };
    let outer = Rectangle {
        name: String::from("outer"),
        size: Size { width: 64, unit: Unit::Em(1.5) },
        tags: vec![String::from("a\tb"), String::from("c")],
        parent: Some(Box::new(dbg!(inner))),
    };
    println!("{:#?}", outer);
    println!("{:#?}", (1, "two", Some(String::from("3"))));
    let text = format!("{:#?}", outer.size);
    println!("{} bytes: {text}", text.len());
    let moved = dbg!(outer);
    println!("{}", moved.name);
}
