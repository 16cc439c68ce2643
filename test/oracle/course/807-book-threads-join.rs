// Adapted from: The Rust Programming Language, ch. 16.1 "Using Threads to Run Code Simultaneously" — https://doc.rust-lang.org/book/ch16-01-threads.html
// teaches: thread::spawn with a move closure taking a Vec, join() waiting for it; the Vec is freed on the spawned thread
use std::thread;

fn main() {
    let v = vec![1, 2, 3];
    let handle = thread::spawn(move || {
        let total: i32 = v.iter().sum();
        println!("Here's a vector: {v:?} (sum {total})");
    });
    handle.join().unwrap();
    println!("joined");
}
