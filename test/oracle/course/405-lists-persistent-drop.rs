// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "Drop" for the persistent stack (Rc::try_unwrap) — https://rust-unofficial.github.io/too-many-lists/third-drop.html
// teaches: an iterative Drop that frees nodes only while this list is their last owner (Rc::try_unwrap)
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
}

impl<T> Drop for List<T> {
    fn drop(&mut self) {
        let mut head = self.head.take();
        while let Some(node) = head {
            if let Ok(mut node) = Rc::try_unwrap(node) {
                head = node.next.take();
            } else {
                break;
            }
        }
    }
}

fn main() {
    let base = List::new().prepend(String::from("a")).prepend(String::from("b"));
    {
        let branch = base.prepend(String::from("c"));
        println!("branch made: {}", branch.head.as_ref().map(|n| n.elem.len()).unwrap_or(0));
    }
    println!("branch dropped; base still has {:?}", base.head.as_ref().map(|n| n.elem.clone()));
}
