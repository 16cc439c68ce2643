// A singly linked list of Option<Box<Node>>: each node is one heap block, freed from the head down.
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn push(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: head }))
}

fn sum(list: &Option<Box<Node>>) -> i32 {
    match list {
        Some(node) => node.value + sum(&node.next),
        None => 0,
    }
}

fn len(list: &Option<Box<Node>>) -> usize {
    let mut n = 0;
    let mut cur = list;
    while let Some(node) = cur {
        n += 1;
        cur = &node.next;
    }
    n
}

fn main() {
    let mut list = None;
    for i in 1..=4 {
        list = push(list, i * 10);
    }
    println!("sum {} len {}", sum(&list), len(&list));
}
