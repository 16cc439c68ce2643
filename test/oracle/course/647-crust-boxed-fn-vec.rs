// Adapted from: Comprehensive Rust, "Closures" — https://google.github.io/comprehensive-rust/std-traits/closures.html
// teaches: Box<dyn Fn(i32) -> i32> in a Vec (a fat pointer each; a capturing closure's box allocates, a capture-free one does not); impl FnOnce parameters
fn make_adder(n: i32) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| x + n)
}

fn run_once(f: impl FnOnce() -> String) -> String {
    f()
}

fn main() {
    let scale = 3;
    let label = String::from("scaled");
    let mut pipeline: Vec<Box<dyn Fn(i32) -> i32>> = Vec::new();
    pipeline.push(make_adder(10));
    pipeline.push(Box::new(move |x| x * scale));
    pipeline.push(Box::new(|x| x - 1));
    let mut value = 1;
    for step in &pipeline {
        value = step(value);
        println!("{value}");
    }
    let report = run_once(move || format!("{label}: {value}"));
    println!("{report} after {} steps", pipeline.len());
}
