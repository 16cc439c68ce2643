// Adapted from: std::collections, "When Should You Use Which Collection?" (use a VecDeque for a queue) — https://doc.rust-lang.org/std/collections/index.html
// teaches: a VecDeque as a round-robin queue of Strings: push_back/pop_front reuse the ring buffer, growth is a Vec's, the rest drop front to back
use std::collections::VecDeque;

fn main() {
    let mut queue: VecDeque<String> = VecDeque::with_capacity(2);
    for name in ["ann", "bob", "cy"] {
        queue.push_back(name.to_string());
    }
    queue.push_front(String::from("urgent"));
    println!("{:?} len {} cap {}", queue, queue.len(), queue.capacity());
    let mut turns = 0;
    while let Some(job) = queue.pop_front() {
        turns += 1;
        if job.len() > 3 {
            println!("turn {turns}: {job} done");
        } else {
            println!("turn {turns}: {job} waits");
            queue.push_back(job + "+");
        }
        if turns == 6 {
            break;
        }
    }
    println!("front {:?} back {:?} second {}", queue.front(), queue.back(), queue[1]);
    for job in &queue {
        print!("{} ", job.len());
    }
    println!("cap {}", queue.capacity());
}
