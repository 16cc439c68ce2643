// Adapted from: The Rust Programming Language, ch. 15.5 "A Use Case for Interior Mutability: Mock Objects" — https://doc.rust-lang.org/book/ch15-05-interior-mutability.html
// teaches: RefCell<Vec<String>> mutated through &self with borrow_mut; a trait object parameter
use std::cell::RefCell;

pub trait Messenger {
    fn send(&self, msg: &str);
}

pub struct LimitTracker<'a, T: Messenger> {
    messenger: &'a T,
    value: usize,
    max: usize,
}

impl<'a, T: Messenger> LimitTracker<'a, T> {
    pub fn new(messenger: &'a T, max: usize) -> LimitTracker<'a, T> {
        LimitTracker { messenger, value: 0, max }
    }

    pub fn set_value(&mut self, value: usize) {
        self.value = value;
        let percentage_of_max = self.value as f64 / self.max as f64;
        if percentage_of_max >= 1.0 {
            self.messenger.send("Error: You are over your quota!");
        } else if percentage_of_max >= 0.9 {
            self.messenger.send("Urgent warning: You've used up over 90% of your quota!");
        } else if percentage_of_max >= 0.75 {
            self.messenger.send("Warning: You've used up over 75% of your quota!");
        }
    }
}

struct MockMessenger {
    sent_messages: RefCell<Vec<String>>,
}

impl Messenger for MockMessenger {
    fn send(&self, message: &str) {
        self.sent_messages.borrow_mut().push(String::from(message));
    }
}

fn main() {
    let mock = MockMessenger { sent_messages: RefCell::new(vec![]) };
    let mut tracker = LimitTracker::new(&mock, 100);
    tracker.set_value(80);
    tracker.set_value(95);
    tracker.set_value(120);
    println!("{} messages: {:?}", mock.sent_messages.borrow().len(), mock.sent_messages.borrow());
}
