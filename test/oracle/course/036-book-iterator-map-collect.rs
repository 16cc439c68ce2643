// Adapted from: The Rust Programming Language, ch. 13.2 "Processing a Series of Items with Iterators" — https://doc.rust-lang.org/book/ch13-02-iterators.html
// teaches: iter().map().collect() allocating exactly from size_hint; sum; next() on an iterator
fn main() {
    let v1 = vec![1, 2, 3];
    let mut v1_iter = v1.iter();
    println!("{:?} {:?}", v1_iter.next(), v1_iter.next());
    let total: i32 = v1.iter().sum();
    let v2: Vec<i32> = v1.iter().map(|x| x + 1).collect();
    let strings: Vec<String> = v2.iter().map(|n| n.to_string()).collect();
    println!("total {total}, v2 {v2:?}, strings {strings:?}");
}
