// Adapted from: The Rust Programming Language, ch. 13.2 "Processing a Series of Items with Iterators" (Counter) — https://doc.rust-lang.org/book/ch13-02-iterators.html
// teaches: impl Iterator for a struct; next() by hand, a for loop over it, and Iterator's provided methods (map, filter, sum, collect)
struct Counter {
    count: u32,
}

impl Counter {
    fn new() -> Counter {
        Counter { count: 0 }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<Self::Item> {
        if self.count < 5 {
            self.count += 1;
            Some(self.count)
        } else {
            None
        }
    }
}

fn main() {
    let mut counter = Counter::new();
    println!("{:?} {:?}", counter.next(), counter.next());
    for n in counter {
        println!("then {n}");
    }
    let squares: Vec<u32> = Counter::new().map(|x| x * x).collect();
    let odd_sum: u32 = Counter::new().filter(|x| x % 2 == 1).sum();
    println!("{squares:?} {odd_sum}");
    for (i, n) in Counter::new().enumerate().skip(3) {
        println!("{i}: {n}");
    }
}
