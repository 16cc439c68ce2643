// Recursion: every call pushes a new frame with its own n, popped when the call returns.
fn factorial(n: u64) -> u64 {
    if n == 0 {
        1
    } else {
        n * factorial(n - 1)
    }
}

fn main() {
    for n in 0..8 {
        println!("{}! = {}", n, factorial(n));
    }
    println!("20! = {}", factorial(20));
}
