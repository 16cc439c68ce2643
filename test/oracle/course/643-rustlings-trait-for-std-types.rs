// Adapted from: rustlings, exercises/15_traits/traits2.rs and traits4.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/15_traits
// teaches: a program's trait implemented for String, Vec<i32> and i32; methods by value, by reference and a default method
trait Summary {
    fn summarize(&self) -> String;
    fn shout(&self) -> String {
        format!("{}!", self.summarize())
    }
}

trait Grow {
    fn grow(self) -> Self;
}

impl Summary for String {
    fn summarize(&self) -> String {
        format!("text of {} bytes", self.len())
    }
}

impl Summary for Vec<i32> {
    fn summarize(&self) -> String {
        let mut total = 0;
        for x in self {
            total += x;
        }
        format!("{} numbers adding to {}", self.len(), total)
    }
}

impl Summary for i32 {
    fn summarize(&self) -> String {
        if *self < 0 { String::from("negative") } else { format!("{} is fine", self) }
    }
}

impl Grow for String {
    fn grow(mut self) -> Self {
        self.push_str(" and more");
        self
    }
}

impl Grow for Vec<i32> {
    fn grow(mut self) -> Vec<i32> {
        let n = self.len() as i32;
        self.push(n);
        self
    }
}

fn main() {
    let s = String::from("hello").grow();
    println!("{} / {}", s.summarize(), s.shout());
    let v = vec![1, 2, 3].grow().grow();
    println!("{} {:?}", v.summarize(), v);
    let n: i32 = -4;
    println!("{} {}", n.summarize(), 7.shout());
}
