// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "An Ok Stack" (Option, generics, peek) — https://rust-unofficial.github.io/too-many-lists/second.html
// teaches: Option<Box<Node<T>>> with take() and map(); peek/peek_mut with as_ref/as_mut; a stack of Strings
pub struct List<T> {
    head: Link<T>,
}

type Link<T> = Option<Box<Node<T>>>;

struct Node<T> {
    elem: T,
    next: Link<T>,
}

impl<T> List<T> {
    pub fn new() -> Self {
        List { head: None }
    }
    pub fn push(&mut self, elem: T) {
        let new_node = Box::new(Node { elem, next: self.head.take() });
        self.head = Some(new_node);
    }
    pub fn pop(&mut self) -> Option<T> {
        self.head.take().map(|node| {
            self.head = node.next;
            node.elem
        })
    }
    pub fn peek(&self) -> Option<&T> {
        self.head.as_ref().map(|node| &node.elem)
    }
    pub fn peek_mut(&mut self) -> Option<&mut T> {
        self.head.as_mut().map(|node| &mut node.elem)
    }
}

impl<T> Drop for List<T> {
    fn drop(&mut self) {
        let mut cur_link = self.head.take();
        while let Some(mut boxed_node) = cur_link {
            cur_link = boxed_node.next.take();
        }
    }
}

fn main() {
    let mut list = List::new();
    list.push(String::from("one"));
    list.push(String::from("two"));
    list.push(String::from("three"));
    println!("{:?}", list.peek());
    if let Some(value) = list.peek_mut() {
        value.push_str("!!");
    }
    println!("{:?} {:?}", list.pop(), list.pop());
    list.push(String::from("four"));
    println!("{:?}", list.peek());
}
