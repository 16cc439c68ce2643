// Adapted from: rustlings, exercises/13_error_handling/errors6.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/13_error_handling
// teaches: a custom error enum wrapping std's ParseIntError, map_err to convert, ? to return early, Display-free Debug printing
use std::num::ParseIntError;

#[derive(PartialEq, Debug)]
enum CreationError {
    Negative,
    Zero,
}

#[derive(PartialEq, Debug)]
enum ParsePosNonzeroError {
    Creation(CreationError),
    ParseInt(ParseIntError),
}

impl ParsePosNonzeroError {
    fn from_creation(err: CreationError) -> Self {
        Self::Creation(err)
    }

    fn from_parse_int(err: ParseIntError) -> Self {
        Self::ParseInt(err)
    }
}

#[derive(PartialEq, Debug)]
struct PositiveNonzeroInteger(u64);

impl PositiveNonzeroInteger {
    fn new(value: i64) -> Result<Self, CreationError> {
        match value {
            x if x < 0 => Err(CreationError::Negative),
            0 => Err(CreationError::Zero),
            x => Ok(Self(x as u64)),
        }
    }

    fn parse(s: &str) -> Result<Self, ParsePosNonzeroError> {
        let x: i64 = s.parse().map_err(ParsePosNonzeroError::from_parse_int)?;
        Self::new(x).map_err(ParsePosNonzeroError::from_creation)
    }
}

fn main() {
    let inputs = vec![String::from("42"), String::from("-7"), String::from("0"), String::from("forty")];
    for text in &inputs {
        match PositiveNonzeroInteger::parse(text) {
            Ok(n) => println!("{text:>6}: ok {}", n.0),
            Err(e) => println!("{text:>6}: {e:?}"),
        }
    }
}
