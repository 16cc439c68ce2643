// Adapted from: Rust by Example, "Generics" and "Aliasing" (type aliases, generic enums) — https://doc.rust-lang.org/rust-by-example/types/alias.html
// teaches: a generic type alias over Option<Box<Node<T>>>; each instantiation's Box has its own size
type Link<T> = Option<Box<Node<T>>>;

struct Node<T> {
    value: T,
    next: Link<T>,
}

fn push<T>(head: Link<T>, value: T) -> Link<T> {
    Some(Box::new(Node { value, next: head }))
}

fn count<T>(mut link: &Link<T>) -> usize {
    let mut n = 0;
    while let Some(node) = link {
        n += 1;
        link = &node.next;
    }
    n
}

fn main() {
    let mut small: Link<u8> = None;
    for i in 0..3 {
        small = push(small, i);
    }
    let mut names: Link<String> = None;
    names = push(names, String::from("one"));
    names = push(names, String::from("two"));
    if let Some(node) = &names {
        println!("head {} then {}", node.value, count(&node.next));
    }
    println!("{} {}", count(&small), count(&names));
}
