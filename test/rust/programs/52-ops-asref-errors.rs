// A program's std::ops impls (Add with both operands moved, Neg), a generic fn over AsRef<str>,
// a Result alias shadowing std's, and ? converting errors through the program's From impl: the
// base of this round's second set of targeted mutants (same verdict as rustc).
use std::fmt;
use std::num::ParseIntError;
use std::ops::{Add, Neg};

#[derive(Debug)]
struct Tags(Vec<String>);

impl Add for Tags {
    type Output = Tags;

    fn add(mut self, other: Tags) -> Tags {
        self.0.extend(other.0);
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Offset(i32);

impl Neg for Offset {
    type Output = Offset;

    fn neg(self) -> Offset {
        Offset(-self.0)
    }
}

fn shout<S: AsRef<str>>(text: S) -> String {
    text.as_ref().to_uppercase()
}

#[derive(Debug)]
enum LoadError {
    Number(ParseIntError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            LoadError::Number(e) => write!(f, "bad number: {}", e),
        }
    }
}

impl From<ParseIntError> for LoadError {
    fn from(e: ParseIntError) -> LoadError {
        LoadError::Number(e)
    }
}

type Result<T> = std::result::Result<T, LoadError>;

fn load(text: &str) -> Result<i32> {
    let n: i32 = text.parse()?;
    Ok(n + 1)
}

fn main() {
    let a = Tags(vec![String::from("red")]);
    let b = Tags(vec![String::from("green"), String::from("blue")]);
    let all = a + b;
    println!("{:?}", all);
    let back = -Offset(4);
    println!("{:?} {}", back, back.0 == -4);
    println!("{} {}", shout("quiet"), shout(String::from("please")));
    match load("41") {
        Ok(n) => println!("loaded {n}"),
        Err(e) => println!("{e}"),
    }
    match load("forty") {
        Ok(n) => println!("loaded {n}"),
        Err(e) => println!("{e}"),
    }
}
