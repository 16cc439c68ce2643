// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "A Persistent Stack" (prepend, tail, head) — https://rust-unofficial.github.io/too-many-lists/third-basics.html
// teaches: Rc<Node<T>> lists sharing tails: prepend allocates one node, tail only clones an Rc
use std::rc::Rc;

pub struct List<T> {
    head: Link<T>,
}

type Link<T> = Option<Rc<Node<T>>>;

struct Node<T> {
    elem: T,
    next: Link<T>,
}

impl<T> List<T> {
    pub fn new() -> Self {
        List { head: None }
    }
    pub fn prepend(&self, elem: T) -> List<T> {
        List { head: Some(Rc::new(Node { elem, next: self.head.clone() })) }
    }
    pub fn tail(&self) -> List<T> {
        List { head: self.head.as_ref().and_then(|node| node.next.clone()) }
    }
    pub fn head(&self) -> Option<&T> {
        self.head.as_ref().map(|node| &node.elem)
    }
}

fn main() {
    let list = List::new().prepend(1).prepend(2).prepend(3);
    println!("{:?}", list.head());
    let list = list.tail();
    println!("{:?}", list.head());
    let other = list.prepend(20);
    let list = list.tail();
    println!("{:?} {:?}", list.head(), other.head());
    let list = list.tail().tail();
    println!("{:?}", list.head());
}
