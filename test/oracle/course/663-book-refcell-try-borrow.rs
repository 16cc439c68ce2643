// Adapted from: The Rust Programming Language, ch. 15.5 "RefCell<T> and the Interior Mutability Pattern" (borrows checked at run time) — https://doc.rust-lang.org/book/ch15-05-interior-mutability.html
// teaches: try_borrow_mut / try_borrow report a conflicting borrow as Err(BorrowMutError) / Err(BorrowError) instead of panicking
use std::cell::RefCell;

struct Messenger {
    sent: RefCell<Vec<String>>,
}

impl Messenger {
    fn send(&self, msg: &str) -> bool {
        match self.sent.try_borrow_mut() {
            Ok(mut log) => {
                log.push(String::from(msg));
                true
            }
            Err(e) => {
                println!("could not send {msg}: {:?}", e);
                false
            }
        }
    }
}

fn main() {
    let m = Messenger { sent: RefCell::new(Vec::new()) };
    println!("{}", m.send("hello"));
    {
        let reading = m.sent.borrow();
        println!("{} sent; {}", reading.len(), m.send("while reading"));
        println!("{:?}", m.sent.try_borrow().map(|v| v.len()));
    }
    {
        let _writing = m.sent.borrow_mut();
        println!("{:?}", m.sent.try_borrow().is_err());
    }
    println!("{}", m.send("after"));
    let log = m.sent.into_inner();
    println!("{:?}", log);
}
