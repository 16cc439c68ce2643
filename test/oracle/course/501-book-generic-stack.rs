// Adapted from: The Rust Programming Language, ch. 10.1 "Generic Data Types" (structs, enums and methods over T) — https://doc.rust-lang.org/book/ch10-01-syntax.html
// teaches: one generic struct laid out per instantiation (Stack<u8> vs Stack<String>), impl<T> methods, a generic enum
#[derive(Debug)]
struct Stack<T> {
    items: Vec<T>,
    pushes: u32,
}

impl<T> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new(), pushes: 0 }
    }

    fn push(&mut self, item: T) {
        self.items.push(item);
        self.pushes += 1;
    }

    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }

    fn len(&self) -> usize {
        self.items.len()
    }
}

#[derive(Debug)]
enum Slot<T> {
    Empty,
    Full(T),
}

fn main() {
    let mut bytes: Stack<u8> = Stack::new();
    for b in 0..5 {
        bytes.push(b * 3);
    }
    let top = bytes.pop();
    println!("{:?} left {} after {} pushes", top, bytes.len(), bytes.pushes);
    let mut words = Stack::new();
    words.push(String::from("alpha"));
    words.push(String::from("beta"));
    println!("{:?}", words);
    let kept = Slot::Full(words.pop().unwrap());
    let none: Slot<String> = Slot::Empty;
    println!("{:?} {:?}", kept, none);
}
