// Adapted from: rustlings, exercises/13_error_handling/errors4.rs and errors6.rs (PositiveNonzeroInteger) — https://github.com/rust-lang/rustlings/tree/main/exercises/13_error_handling
// teaches: a constructor returning Result<Self, CreationError> that builds Self(..); Box<dyn Error> from ?
use std::error::Error;
use std::fmt;

#[derive(PartialEq, Debug)]
struct PositiveNonzeroInteger(u64);

#[derive(PartialEq, Debug)]
enum CreationError {
    Negative,
    Zero,
}

impl fmt::Display for CreationError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let description = match *self {
            CreationError::Negative => "number is negative",
            CreationError::Zero => "number is zero",
        };
        f.write_str(description)
    }
}

impl Error for CreationError {}

impl PositiveNonzeroInteger {
    fn new(value: i64) -> Result<Self, CreationError> {
        match value {
            x if x < 0 => Err(CreationError::Negative),
            0 => Err(CreationError::Zero),
            x => Ok(Self(x as u64)),
        }
    }
}

fn parse_positive(s: &str) -> Result<PositiveNonzeroInteger, Box<dyn Error>> {
    let x: i64 = s.parse()?;
    Ok(PositiveNonzeroInteger::new(x)?)
}

fn main() {
    println!("{:?} {:?} {:?}", PositiveNonzeroInteger::new(10), PositiveNonzeroInteger::new(-10), PositiveNonzeroInteger::new(0));
    for s in ["42", "-3", "x"] {
        match parse_positive(s) {
            Ok(n) => println!("{s}: {n:?}"),
            Err(e) => println!("{s}: error {e}"),
        }
    }
}
