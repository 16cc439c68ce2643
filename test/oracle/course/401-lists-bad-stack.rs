// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "A Bad Stack" (Layout, push, pop, Drop) — https://rust-unofficial.github.io/too-many-lists/first.html
// teaches: enum Link { Empty, More(Box<Node>) }, mem::replace to take the head, an iterative Drop freeing nodes head first
use std::mem;

pub struct List {
    head: Link,
}

enum Link {
    Empty,
    More(Box<Node>),
}

struct Node {
    elem: i32,
    next: Link,
}

impl List {
    pub fn new() -> Self {
        List { head: Link::Empty }
    }

    pub fn push(&mut self, elem: i32) {
        let new_node = Box::new(Node { elem, next: mem::replace(&mut self.head, Link::Empty) });
        self.head = Link::More(new_node);
    }

    pub fn pop(&mut self) -> Option<i32> {
        match mem::replace(&mut self.head, Link::Empty) {
            Link::Empty => None,
            Link::More(node) => {
                self.head = node.next;
                Some(node.elem)
            }
        }
    }
}

impl Drop for List {
    fn drop(&mut self) {
        let mut cur_link = mem::replace(&mut self.head, Link::Empty);
        while let Link::More(mut boxed_node) = cur_link {
            cur_link = mem::replace(&mut boxed_node.next, Link::Empty);
        }
    }
}

fn main() {
    let mut list = List::new();
    println!("{:?}", list.pop());
    list.push(1);
    list.push(2);
    list.push(3);
    println!("{:?} {:?}", list.pop(), list.pop());
    list.push(4);
    list.push(5);
    println!("{:?} {:?}", list.pop(), list.pop());
    list.push(6);
    println!("dropping the rest");
}
