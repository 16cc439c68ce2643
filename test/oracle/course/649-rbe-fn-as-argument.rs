// Adapted from: Rust by Example, "Input functions" — https://doc.rust-lang.org/rust-by-example/fn/closures/input_functions.html
// teaches: a fn item passed where a closure is expected (impl Fn, a generic F: Fn, Option::map and and_then), and bound to a variable
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

fn main() {
    println!("{}", call_me(greeting));
    let closure = || String::from("hello from a closure");
    println!("{}", call_me(closure));
    println!("{}", apply_twice(triple, 2));
    let f = triple;
    println!("{} {:?} {:?}", f(5), Some(4).map(triple), Some(12).and_then(checked_half).and_then(checked_half));
    println!("{:?}", Some(6).and_then(checked_half).and_then(checked_half));
}
