// Adapted from: Rust by Example, "Formatted print" — https://doc.rust-lang.org/rust-by-example/hello/print.html
// teaches: positional {0}, named arguments (`name = value`), inline {var}, width/fill/alignment, width$ arguments
fn main() {
    let n = 99;
    let s = format!("{n} bottles, {0} of {1}, {0} again", "one", "two");
    println!("{s}");
    let line = format!("{count} bottles of {what} on the wall", count = n, what = "beer");
    println!("{line}");
    let number = 1;
    let width = 6;
    println!("[{number:>width$}] [{:<5}] [{:^7}] [{:0>5}] [{:#b}] [{:x}]", number, "mid", 42, 255, 255);
    let pi = 3.141592;
    println!("Pi is roughly {pi:.3} or {:8.2}|", pi);
}
