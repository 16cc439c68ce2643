// Adapted from: rustlings, exercises/08_enums/enums3.rs (State processing Messages) — https://github.com/rust-lang/rustlings/tree/main/exercises/08_enums
// teaches: match moving a String payload out of a Message into the State; tuple and struct variants
struct Point {
    x: u64,
    y: u64,
}

enum Message {
    Resize { width: u64, height: u64 },
    Move(Point),
    Echo(String),
    ChangeColor(u8, u8, u8),
    Quit,
}

struct State {
    width: u64,
    height: u64,
    position: Point,
    message: String,
    color: (u8, u8, u8),
    quit: bool,
}

impl State {
    fn process(&mut self, message: Message) {
        match message {
            Message::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            Message::Move(p) => self.position = p,
            Message::Echo(s) => self.message = s,
            Message::ChangeColor(r, g, b) => self.color = (r, g, b),
            Message::Quit => self.quit = true,
        }
    }
}

fn main() {
    let mut state = State { width: 0, height: 0, position: Point { x: 0, y: 0 }, message: String::from("hello world"), color: (0, 0, 0), quit: false };
    state.process(Message::Resize { width: 10, height: 30 });
    state.process(Message::Move(Point { x: 10, y: 15 }));
    state.process(Message::Echo(String::from("Hello world!")));
    state.process(Message::ChangeColor(255, 0, 255));
    state.process(Message::Quit);
    println!("{}x{} at ({}, {}) {:?} {:?} {}", state.width, state.height, state.position.x, state.position.y, state.message, state.color, state.quit);
}
