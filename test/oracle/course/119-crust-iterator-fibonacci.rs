// Adapted from: Comprehensive Rust, "Iterator" — https://google.github.io/comprehensive-rust/iterators/iterator.html
// teaches: implementing Iterator for a struct; take(n).collect() pre-sizes from size_hint
struct Fibonacci {
    curr: u32,
    next: u32,
}

impl Iterator for Fibonacci {
    type Item = u32;
    fn next(&mut self) -> Option<Self::Item> {
        let new_next = self.curr + self.next;
        self.curr = self.next;
        self.next = new_next;
        Some(self.curr)
    }
}

fn main() {
    let fib = Fibonacci { curr: 0, next: 1 };
    for (i, n) in fib.enumerate().take(5) {
        println!("fib({i}): {n}");
    }
    let first: Vec<u32> = Fibonacci { curr: 0, next: 1 }.take(10).collect();
    let even: Vec<u32> = Fibonacci { curr: 0, next: 1 }.filter(|n| n % 2 == 0).take(4).collect();
    println!("{first:?} {even:?}");
}
