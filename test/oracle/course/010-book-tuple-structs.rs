// Adapted from: The Rust Programming Language, ch. 5.1 "Using Tuple Structs Without Named Fields" — https://doc.rust-lang.org/book/ch05-01-defining-structs.html
// teaches: tuple structs, constructing them with Self(..), field access .0, a Vec of them
#[derive(Debug, Clone, Copy)]
struct Color(i32, i32, i32);
struct Point(i32, i32, i32);

impl Color {
    fn gray(level: i32) -> Self {
        Self(level, level, level)
    }
}

fn main() {
    let black = Color(0, 0, 0);
    let origin = Point(0, 0, 0);
    let mut palette = Vec::new();
    palette.push(black);
    palette.push(Color::gray(128));
    palette.push(Color(255, 0, 0));
    println!("{:?} / origin ({}, {}, {})", palette, origin.0, origin.1, origin.2);
    println!("red channel of last: {}", palette[2].0);
}
