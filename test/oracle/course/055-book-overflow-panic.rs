// Adapted from: The Rust Programming Language, ch. 3.2 "Integer Overflow" — https://doc.rust-lang.org/book/ch03-02-data-types.html#integer-overflow
// teaches: in a debug build u8 arithmetic past 255 panics; wrapping_add and checked_add do not
fn main() {
    let mut levels: Vec<u8> = Vec::new();
    let mut x: u8 = 250;
    println!("wrapping {} checked {:?}", x.wrapping_add(10), x.checked_add(10));
    loop {
        levels.push(x);
        x += 1;
        println!("{x}");
    }
}
