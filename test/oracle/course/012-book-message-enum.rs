// Adapted from: The Rust Programming Language, ch. 6.1 "Defining an Enum" (Message with impl) — https://doc.rust-lang.org/book/ch06-01-defining-an-enum.html
// teaches: unit, struct-like and tuple variants in one enum; methods on enums with match
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    ChangeColor(i32, i32, i32),
}

impl Message {
    fn call(&self) -> String {
        match self {
            Message::Quit => String::from("quit"),
            Message::Move { x, y } => format!("move to {x},{y}"),
            Message::Write(text) => format!("write {text:?}"),
            Message::ChangeColor(r, g, b) => format!("color #{r:02x}{g:02x}{b:02x}"),
        }
    }
}

fn main() {
    let messages = vec![
        Message::Write(String::from("hello")),
        Message::Move { x: 3, y: -4 },
        Message::ChangeColor(255, 128, 0),
        Message::Quit,
    ];
    for m in &messages {
        println!("{}", m.call());
    }
}
