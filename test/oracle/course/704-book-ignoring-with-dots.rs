// Adapted from: The Rust Programming Language, ch. 19.3 "Pattern Syntax" (Ignoring Remaining Parts of a Value with ..) — https://doc.rust-lang.org/book/ch19-03-pattern-syntax.html
// teaches: `..` in tuple, tuple-struct, enum-variant and struct patterns; `use` of an enum's variants inside a fn; C-like enum casts
struct Point3 {
    x: i32,
    y: i32,
    z: i32,
}

struct Rgb(u8, u8, u8);

#[derive(Debug)]
enum Message {
    Move { x: i32, y: i32 },
    Color(u8, u8, u8, u8),
    Quit,
}

enum Level {
    Low = 1,
    Mid = 5,
    High,
}

fn main() {
    use Message::{Color, Move, Quit};
    let origin = Point3 { x: 0, y: 7, z: -3 };
    let Point3 { x, .. } = origin;
    println!("x is {x}, z is {}", origin.z + origin.y);
    let numbers = (2, 4, 8, 16, 32);
    match numbers {
        (first, .., last) => println!("Some numbers: {first}, {last}"),
    }
    let (.., fourth, _) = numbers;
    let Rgb(red, ..) = Rgb(200, 10, 30);
    println!("{fourth} {red}");
    let messages = vec![Move { x: 3, y: -1 }, Color(1, 2, 3, 255), Quit];
    for m in &messages {
        match m {
            Move { x, .. } => println!("move along x by {x}"),
            Color(r, .., alpha) => println!("color starting {r}, alpha {alpha}"),
            Quit => println!("quit"),
        }
    }
    println!("{:?}", messages);
    for level in [Level::Low, Level::Mid, Level::High] {
        println!("level {}", level as u8);
    }
}
