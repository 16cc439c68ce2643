// Adapted from: The Rust Programming Language, ch. 3.5 end-of-chapter exercises (Fahrenheit/Celsius, nth Fibonacci) — https://doc.rust-lang.org/book/ch03-05-control-flow.html
// teaches: a Vec<u64> growing as Fibonacci numbers are pushed; a Vec<f64> from a conversion loop
fn main() {
    let mut fib: Vec<u64> = vec![0, 1];
    while fib.len() < 20 {
        let n = fib.len();
        let next = fib[n - 1] + fib[n - 2];
        fib.push(next);
    }
    println!("fib(19) = {} (cap {})", fib[19], fib.capacity());
    let mut celsius = Vec::new();
    for f in [32.0, 98.6, 212.0] {
        celsius.push((f - 32.0) * 5.0 / 9.0);
    }
    println!("{:.1?}", celsius);
}
