// Adapted from: The Rust Programming Language, ch. 3.2 "Data Types" (Integer Overflow: a debug build panics) — https://doc.rust-lang.org/book/ch03-02-data-types.html#integer-overflow
// teaches: a product that does not fit its type panics in a debug build, here an i64 factorial growing in a loop; the values pushed so far are still on the heap when it does
fn main() {
    let mut facts: Vec<i64> = Vec::with_capacity(4);
    let mut f: i64 = 1;
    for n in 1..30 {
        let step = n as i64;
        f = f * step;
        facts.push(f % 1_000_000_007);
        println!("{}! = {}", n, f);
    }
    println!("{}", facts.len());
}
