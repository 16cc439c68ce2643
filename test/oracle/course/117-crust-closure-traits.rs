// Adapted from: Comprehensive Rust, "Closures" (Fn, FnMut, FnOnce) — https://google.github.io/comprehensive-rust/std-traits/closures.html
// teaches: passing closures as impl Fn / FnMut / FnOnce; a move closure owning a String
fn apply_and_log(func: impl FnOnce(i32) -> i32, input: i32) -> i32 {
    func(input)
}

fn call_twice(mut f: impl FnMut() -> usize) -> usize {
    f();
    f()
}

fn main() {
    let add_3 = |x| x + 3;
    println!("add_3: {}", apply_and_log(&add_3, 10));
    let mut v = Vec::new();
    let mut accumulate = |x: i32| {
        v.push(x);
        v.iter().sum::<i32>()
    };
    println!("accumulate: {}", apply_and_log(&mut accumulate, 4));
    println!("accumulate: {}", apply_and_log(&mut accumulate, 5));
    let mut greeting = String::from("hi");
    let n = call_twice(|| {
        greeting.push('!');
        greeting.len()
    });
    let multiply_sum = move |x| x * v.iter().sum::<i32>();
    println!("{n} {greeting} multiply_sum: {}", apply_and_log(multiply_sum, 3));
}
