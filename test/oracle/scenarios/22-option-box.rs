// Option<Box<T>>: None allocates nothing; replacing Some frees the old box after allocating the new one.
struct Node {
    value: u32,
    next: Option<Box<Node>>,
}

fn main() {
    let mut head: Option<Box<Node>> = None;
    println!("{}", head.is_none());
    head = Some(Box::new(Node { value: 1, next: None }));
    head = Some(Box::new(Node { value: 2, next: head }));
    let replaced = Some(Box::new(Node { value: 3, next: None }));
    head = replaced;
    if let Some(n) = &head {
        println!("{} {}", n.value, n.next.is_none());
    }
}
