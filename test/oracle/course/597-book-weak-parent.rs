// Adapted from: The Rust Programming Language, ch. 15.6 "Preventing Reference Cycles Using Weak<T>" — https://doc.rust-lang.org/book/ch15-06-reference-cycles.html
// teaches: a child points to its parent with Weak (no ownership): strong and weak counts, upgrade() while the parent lives and None after; the RcBox stays until the last Weak goes
use std::cell::RefCell;
use std::rc::{Rc, Weak};

#[derive(Debug)]
struct Node {
    value: i32,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

fn main() {
    let leaf = Rc::new(Node { value: 3, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) });
    println!("leaf strong = {}, weak = {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf));
    {
        let branch = Rc::new(Node { value: 5, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![Rc::clone(&leaf)]) });
        *leaf.parent.borrow_mut() = Rc::downgrade(&branch);
        println!("branch strong = {}, weak = {}", Rc::strong_count(&branch), Rc::weak_count(&branch));
        println!("leaf strong = {}, weak = {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf));
        let parent = leaf.parent.borrow().upgrade();
        println!("leaf parent = {}", parent.unwrap().value);
        println!("branch has {} children", branch.children.borrow().len());
    }
    println!("leaf parent = {:?}", leaf.parent.borrow().upgrade().is_none());
    println!("leaf strong = {}, weak = {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf));
    let kept: Weak<Node> = Rc::downgrade(&leaf);
    let again = kept.clone();
    println!("{:?} {}", again, Rc::weak_count(&leaf));
    drop(leaf);
    println!("gone: {}", kept.upgrade().is_none());
}
