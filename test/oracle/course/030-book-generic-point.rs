// Adapted from: The Rust Programming Language, ch. 10.1 "In Struct Definitions" / "In Method Definitions" — https://doc.rust-lang.org/book/ch10-01-syntax.html
// teaches: generic structs Point<T> and Point<X1, Y1>, impl<T>, an impl only for Point<f32>, mixup moving fields
#[derive(Debug)]
struct Point<X1, Y1> {
    x: X1,
    y: Y1,
}

impl<X1, Y1> Point<X1, Y1> {
    fn x(&self) -> &X1 {
        &self.x
    }
    fn mixup<X2, Y2>(self, other: Point<X2, Y2>) -> Point<X1, Y2> {
        Point { x: self.x, y: other.y }
    }
}

impl Point<f32, f32> {
    fn distance_from_origin(&self) -> f32 {
        (self.x.powi(2) + self.y.powi(2)).sqrt()
    }
}

fn main() {
    let p = Point { x: 5, y: 10 };
    println!("p.x = {}", p.x());
    let f = Point { x: 3.0_f32, y: 4.0_f32 };
    println!("distance {}", f.distance_from_origin());
    let p1 = Point { x: 5, y: 10.4 };
    let p2 = Point { x: String::from("Hello"), y: 'c' };
    let p3 = p1.mixup(p2);
    println!("p3.x = {}, p3.y = {}", p3.x, p3.y);
    let boxed = Box::new(Point { x: String::from("boxed"), y: vec![1u8, 2] });
    println!("{boxed:?}");
}
