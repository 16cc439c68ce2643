// Adapted from: The Rust Programming Language, ch. 5.2 "An Example Program Using Structs" — https://doc.rust-lang.org/book/ch05-02-example-structs.html
// teaches: #[derive(Debug)], {:?} and {:#?}, dbg! (to stderr), methods computing from fields
#[derive(Debug)]
struct Rectangle {
    width: u32,
    height: u32,
}

fn area(rectangle: &Rectangle) -> u32 {
    rectangle.width * rectangle.height
}

fn main() {
    let scale = 2;
    let rect1 = Rectangle { width: dbg!(30 * scale), height: 50 };
    dbg!(&rect1);
    println!("rect1 is {rect1:?}");
    println!("rect1 is {:#?}", rect1);
    let label = format!("area {}", area(&rect1));
    println!("{label}");
}
