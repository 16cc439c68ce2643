// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "Basic Data Layout" (why the null pointer optimisation matters) — https://rust-unofficial.github.io/too-many-lists/first-layout.html
// teaches: Option<Box<Node>> is one pointer wide; each node is one heap block of size_of::<Node>()
use std::mem::size_of;

struct Node {
    elem: i32,
    next: Option<Box<Node>>,
}

fn main() {
    println!("Box<Node> {} Option<Box<Node>> {} Node {}", size_of::<Box<Node>>(), size_of::<Option<Box<Node>>>(), size_of::<Node>());
    let mut head: Option<Box<Node>> = None;
    for i in 0..3 {
        head = Some(Box::new(Node { elem: i, next: head }));
    }
    let mut cur = &head;
    let mut seen = Vec::new();
    while let Some(node) = cur {
        seen.push(node.elem);
        cur = &node.next;
    }
    println!("{seen:?}");
}
