// Adapted from: The Rust Programming Language, ch. 13.2 "Creating Our Own Iterators with the Iterator Trait" — https://doc.rust-lang.org/book/ch13-02-iterators.html
// teaches: implementing next() is enough for every provided method: zip, skip, map, filter, sum, collect, and a for loop over the iterator itself
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
    let sum: u32 = Counter::new().zip(Counter::new().skip(1)).map(|(a, b)| a * b).filter(|x| x % 3 == 0).sum();
    println!("sum = {sum}");
    let squares: Vec<String> = Counter::new().map(|n| format!("{}", n * n)).collect();
    println!("{squares:?} (capacity {})", squares.capacity());
    for n in counter {
        print!("{n} ");
    }
    println!();
    let evens = Counter::new().filter(|n| n % 2 == 0).count();
    println!("{evens} even");
}
