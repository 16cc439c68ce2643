// Adapted from: The Rust Programming Language, ch. 15.5 "Keeping Track of Borrows at Runtime with RefCell<T>" — https://doc.rust-lang.org/book/ch15-05-interior-mutability.html
// teaches: two live borrow_mut() of one RefCell panic at run time (BorrowMutError)
use std::cell::RefCell;

fn main() {
    let sent = RefCell::new(vec![String::from("first")]);
    sent.borrow_mut().push(String::from("second"));
    println!("{} messages", sent.borrow().len());
    let mut one_borrow = sent.borrow_mut();
    let mut two_borrow = sent.borrow_mut();
    one_borrow.push(String::from("x"));
    two_borrow.push(String::from("y"));
}
