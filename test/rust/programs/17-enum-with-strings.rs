// An enum whose variants own Strings: the variant decides what is freed.
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    Color(u8, u8, u8),
}

fn describe(m: &Message) -> String {
    match m {
        Message::Quit => String::from("quit"),
        Message::Move { x, y } => format!("move to {},{}", x, y),
        Message::Write(text) => format!("write {} bytes", text.len()),
        Message::Color(r, g, b) => format!("color #{}{}{}", r, g, b),
    }
}

fn main() {
    let messages = vec![
        Message::Write(String::from("hello")),
        Message::Move { x: 3, y: -1 },
        Message::Color(255, 0, 9),
        Message::Quit,
    ];
    for m in &messages {
        let d = describe(m);
        println!("{}", d);
    }
    let last = Message::Write(String::from("bye"));
    if let Message::Write(t) = &last {
        println!("{}", t);
    }
}
