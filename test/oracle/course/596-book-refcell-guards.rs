// Adapted from: The Rust Programming Language, ch. 15.5 "Keeping Track of Borrows at Runtime with RefCell<T>" — https://doc.rust-lang.org/book/ch15-05-interior-mutability.html
// teaches: RefCell's borrow flag counts live Ref guards and marks a live RefMut; guards give the borrow back when dropped; a borrow() while a RefMut lives panics
use std::cell::RefCell;

struct MockMessenger {
    sent: RefCell<Vec<String>>,
}

impl MockMessenger {
    fn send(&self, message: &str) {
        self.sent.borrow_mut().push(String::from(message));
    }
}

fn main() {
    let m = MockMessenger { sent: RefCell::new(vec![]) };
    m.send("over 75%");
    m.send("over 90%");
    {
        let first = m.sent.borrow();
        let second = m.sent.borrow();
        println!("{} and {} messages; {:?}", first.len(), second[0], m.sent);
    }
    let mut writer = m.sent.borrow_mut();
    writer.push(String::from("quota"));
    println!("while writing: {:?}", m.sent);
    drop(writer);
    println!("after: {:?}", m.sent.borrow());
    let held = m.sent.borrow_mut();
    let reader = m.sent.borrow();
    println!("never: {} {}", held.len(), reader.len());
}
