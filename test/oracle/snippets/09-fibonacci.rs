// Fibonacci twice: the recursive version makes many frames, the loop version reuses two variables.
fn fib_rec(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib_rec(n - 1) + fib_rec(n - 2)
    }
}

fn fib_loop(n: u64) -> u64 {
    let mut a = 0;
    let mut b = 1;
    let mut i = 0;
    while i < n {
        let next = a + b;
        a = b;
        b = next;
        i += 1;
    }
    a
}

fn main() {
    println!("{} {}", fib_rec(15), fib_loop(15));
    println!("{}", fib_loop(50));
}
