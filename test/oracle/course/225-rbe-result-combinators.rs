// Adapted from: Rust by Example, "map for Result" and "aliases for Result" — https://doc.rust-lang.org/rust-by-example/error/result/result_map.html
// teaches: and_then/map on Result, a type alias, printing Ok and Err with the error's Display
use std::num::ParseIntError;

type AliasedResult<T> = Result<T, ParseIntError>;

fn multiply(first_number_str: &str, second_number_str: &str) -> AliasedResult<i32> {
    first_number_str.parse::<i32>().and_then(|first_number| second_number_str.parse::<i32>().map(|second_number| first_number * second_number))
}

fn print(result: AliasedResult<i32>) -> String {
    match result {
        Ok(n) => format!("n is {}", n),
        Err(e) => format!("Error: {}", e),
    }
}

fn main() {
    let lines = vec![print(multiply("10", "2")), print(multiply("t", "2"))];
    println!("{}", lines.join("\n"));
}
