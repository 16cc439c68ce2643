// Adapted from: Rust by Example, "Structures" — https://doc.rust-lang.org/rust-by-example/custom_types/structs.html
// teaches: named, tuple and unit structs; struct update syntax; destructuring a struct with let
#[derive(Debug)]
struct Person {
    name: String,
    age: u8,
}

struct Unit;

#[derive(Debug, Clone, Copy)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(Debug)]
struct Rectangle {
    top_left: Point,
    bottom_right: Point,
}

fn main() {
    let name = String::from("Peter");
    let age = 27;
    let peter = Person { name, age };
    println!("{:?}", peter);
    let point: Point = Point { x: 5.2, y: 0.4 };
    let another_point: Point = Point { x: 10.3, y: 0.2 };
    let bottom_right = Point { x: 10.3, ..another_point };
    let Point { x: left_edge, y: top_edge } = point;
    let _rectangle = Rectangle { top_left: Point { x: left_edge, y: top_edge }, bottom_right };
    let _unit = Unit;
    let boxed = Box::new(_rectangle);
    println!("{:?}", boxed);
}
