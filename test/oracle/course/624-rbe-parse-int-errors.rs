// Adapted from: Rust by Example, "Result" and "Early returns" (parsing with ParseIntError) — https://doc.rust-lang.org/rust-by-example/error/result/early_returns.html
// teaches: parse::<T>() gives Result<T, ParseIntError>; each error kind's Display and Debug; u8 overflow and signs
use std::num::ParseIntError;

fn multiply(first: &str, second: &str) -> Result<i32, ParseIntError> {
    let first = match first.parse::<i32>() {
        Ok(n) => n,
        Err(e) => return Err(e),
    };
    let second = second.parse::<i32>()?;
    Ok(first * second)
}

fn main() {
    println!("{:?}", multiply("10", "2"));
    println!("{:?}", multiply("t", "2"));
    for text in ["255", "256", "-1", "+7", "", "-", "12a"] {
        match text.parse::<u8>() {
            Ok(n) => println!("{text:?} -> {n}"),
            Err(e) => println!("{text:?} -> {e} / {e:?}"),
        }
    }
    let small: Result<i8, _> = "-129".parse();
    println!("{:?}", small);
    let big: i64 = "-9223372036854775808".parse().unwrap();
    println!("{big}");
    let e = "x".parse::<u32>().unwrap_err();
    let message = e.to_string();
    println!("{message} ({} bytes)", message.len());
    println!("[{:>32}]", e);
}
