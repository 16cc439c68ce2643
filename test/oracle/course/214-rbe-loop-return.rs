// Adapted from: Rust by Example, "loop" (nesting and labels, returning from loops) and "while" (FizzBuzz) — https://doc.rust-lang.org/rust-by-example/flow_control/loop/nested.html
// teaches: labelled break out of an inner loop, break with a value, FizzBuzz appended into one String
fn main() {
    let mut hits = Vec::new();
    'outer: for i in 0.. {
        for j in 0..5 {
            if i * j > 6 {
                break 'outer;
            }
            if (i + j) % 3 == 0 {
                hits.push((i, j));
                continue 'outer;
            }
        }
    }
    println!("{hits:?}");
    let mut out = String::new();
    let mut n = 1;
    while n < 16 {
        if n % 15 == 0 {
            out += "fizzbuzz ";
        } else if n % 3 == 0 {
            out += "fizz ";
        } else if n % 5 == 0 {
            out += "buzz ";
        } else {
            out += &n.to_string();
            out.push(' ');
        }
        n += 1;
    }
    println!("{}", out.trim_end());
}
