// A program's own Deref (*x, coercion to &str, methods of the target), a trait for String,
// dyn Display, impl Error with ? into Box<dyn Error>, a program's Iterator with take/sum, a fn as a value.
use std::error::Error;
use std::fmt;
use std::fmt::Display;
use std::ops::Deref;
struct Wrap(String);
impl Deref for Wrap {
    type Target = String;
    fn deref(&self) -> &String { &self.0 }
}
trait Loud { fn loud(&self) -> String; }
impl Loud for String {
    fn loud(&self) -> String { format!("{}!", self) }
}
#[derive(Debug)]
struct Empty;
impl fmt::Display for Empty {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "empty") }
}
impl Error for Empty {}
fn first(s: &str) -> Result<char, Empty> { s.chars().next().ok_or(Empty) }
fn check(s: &str) -> Result<char, Box<dyn Error>> { let c = first(s)?; Ok(c) }
struct Up { n: u32 }
impl Iterator for Up {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { self.n += 1; Some(self.n) }
}
fn double(x: u32) -> u32 { x * 2 }
fn main() {
    let w = Wrap(String::from("hi"));
    let copy: String = (*w).clone();
    let shown: Box<dyn Display> = Box::new(copy.loud());
    println!("{} {} {shown}", w.len(), w.loud());
    match check("") { Ok(c) => println!("{c}"), Err(e) => println!("{:?} {e}", check("ok").ok()) }
    let total: u32 = Up { n: 0 }.take(3).map(double).sum();
    println!("{total}");
}
