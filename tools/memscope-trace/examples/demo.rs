//! A small program whose heap is worth looking at: a Vec growing by doubling, a String, a Box,
//! a HashMap, all traced by memscope_trace.
//!
//!   MEMSCOPE_TRACE=demo.jsonl cargo run --example demo
use std::collections::HashMap;

#[global_allocator]
static GLOBAL: memscope_trace::Tracer = memscope_trace::Tracer;

fn main() {
    // 100 pushes: capacity 4, 8, 16, 32, 64, 128 u64s — one alloc of 32 bytes, then 5 reallocs.
    let mut squares: Vec<u64> = Vec::new();
    for i in 0..100 {
        squares.push(i * i);
    }

    let greeting = String::from("hello, memscope");
    let boxed = Box::new([7u8; 48]);

    let mut words: HashMap<&str, usize> = HashMap::new();
    for word in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(word).or_default() += 1;
    }

    let total: u64 = squares.iter().sum();
    let summary = format!("{} squares sum to {total}; {} words, 'the' x{}; {greeting}; box {}", squares.len(), words.len(), words["the"], boxed[0]);
    drop(boxed);
    drop(words);
    println!("{summary}");
}
