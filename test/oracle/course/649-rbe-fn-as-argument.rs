// Adapted from: Rust by Example, "Input functions" — https://doc.rust-lang.org/rust-by-example/fn/closures/input_functions.html
// teaches: a fn item passed where a closure is expected (impl Fn, a generic F: Fn, Option::map and and_then), bound to a variable; tuple constructors as fns
fn call_me<F: Fn() -> String>(f: F) -> String {
    f()
}

fn greeting() -> String {
    String::from("hello from a function")
}

fn apply_twice(f: impl Fn(i32) -> i32, x: i32) -> i32 {
    f(f(x))
}

fn triple(x: i32) -> i32 {
    x * 3
}

fn checked_half(x: i32) -> Option<i32> {
    if x % 2 == 0 { Some(x / 2) } else { None }
}

#[derive(Debug)]
struct Score(i32);

#[derive(Debug)]
enum Reading {
    Celsius(f64),
}

fn main() {
    println!("{}", call_me(greeting));
    let closure = || String::from("hello from a closure");
    println!("{}", call_me(closure));
    println!("{}", apply_twice(triple, 2));
    let f = triple;
    println!("{} {:?} {:?}", f(5), Some(4).map(triple), Some(12).and_then(checked_half).and_then(checked_half));
    println!("{:?}", Some(6).and_then(checked_half).and_then(checked_half));
    let scores: Vec<Score> = vec![3, 9].into_iter().map(Score).collect();
    println!("{scores:?} {:?} {:?}", Some(21.5).map(Reading::Celsius), Ok::<i32, String>(1).map(Some));
}
