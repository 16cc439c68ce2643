// Adapted from: std::collections::VecDeque documentation (the ring buffer Rust by Example's collections chapter points to) — https://doc.rust-lang.org/std/collections/struct.VecDeque.html
// teaches: VecDeque push_back/push_front/pop_front; a ring buffer that grows like a Vec
use std::collections::VecDeque;

fn main() {
    let mut deque: VecDeque<u64> = VecDeque::new();
    for i in 0..5 {
        deque.push_back(i);
    }
    deque.push_front(100);
    println!("{:?} len {} cap {}", deque, deque.len(), deque.capacity());
    while let Some(front) = deque.pop_front() {
        if front == 2 {
            break;
        }
        deque.push_back(front * 10);
    }
    println!("{:?} front {:?} back {:?}", deque, deque.front(), deque.back());
}
