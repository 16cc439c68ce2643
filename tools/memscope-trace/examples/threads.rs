//! Four threads allocating, growing and freeing at once, handing blocks to each other: the
//! trace must still read as a consistent history (no free before its alloc, no address given
//! out twice), which is what the ordering rules in the tracer are for.
use std::sync::mpsc;
use std::thread;

#[global_allocator]
static GLOBAL: memscope_trace::Tracer = memscope_trace::Tracer;

fn main() {
    let (send, receive) = mpsc::channel::<Vec<u32>>();
    let workers: Vec<_> = (0..4)
        .map(|t| {
            let send = send.clone();
            thread::spawn(move || {
                for round in 0..2000u32 {
                    let mut v = Vec::new();
                    for i in 0..(round % 37) {
                        v.push(i + t);
                    }
                    let s = format!("{t}-{round}");
                    if round % 3 == 0 {
                        send.send(v).unwrap(); // freed by the main thread
                    }
                    drop(s);
                }
            })
        })
        .collect();
    drop(send);
    let received: usize = receive.iter().map(|v| v.len()).sum();
    for w in workers {
        w.join().unwrap();
    }
    println!("received {received} numbers");
}
