// Adapted from: Rust by Example, "Testcase: List" — https://doc.rust-lang.org/rust-by-example/hello/print/print_display/testcase_list.html
// teaches: impl Display for a Vec wrapper using write! and ? inside a loop; to_string through it
use std::fmt;

struct List(Vec<i32>);

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let vec = &self.0;
        write!(f, "[")?;
        for (count, v) in vec.iter().enumerate() {
            if count != 0 {
                write!(f, ", ")?;
            }
            write!(f, "{}: {}", count, v)?;
        }
        write!(f, "]")
    }
}

fn main() {
    let v = List(vec![1, 2, 3]);
    println!("{}", v);
    let s = v.to_string();
    println!("{} chars", s.len());
}
