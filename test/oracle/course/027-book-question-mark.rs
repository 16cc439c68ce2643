// Adapted from: The Rust Programming Language, ch. 9.2 "A Shortcut for Propagating Errors: the ? Operator" — https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html
// teaches: ? returns the error early; Option's ? in last_char_of_first_line
use std::num::ParseIntError;

fn sum_pair(text: &str) -> Result<i32, ParseIntError> {
    let mut parts = text.split(',');
    let a: i32 = parts.next().unwrap_or("").trim().parse()?;
    let b: i32 = parts.next().unwrap_or("").trim().parse()?;
    Ok(a + b)
}

fn last_char_of_first_line(text: &str) -> Option<char> {
    text.lines().next()?.chars().last()
}

fn main() {
    let lines = String::from("3, 4\n10,x\n");
    for line in lines.lines() {
        match sum_pair(line) {
            Ok(n) => println!("{line} -> {n}"),
            Err(e) => println!("{line} -> error: {e}"),
        }
    }
    println!("{:?} {:?}", last_char_of_first_line(&lines), last_char_of_first_line(""));
}
