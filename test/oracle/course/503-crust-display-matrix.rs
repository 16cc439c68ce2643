// Adapted from: Comprehensive Rust, "Standard Library Traits" (Display, Debug by hand) — https://google.github.io/comprehensive-rust/std-traits.html
// teaches: impl fmt::Display and fmt::Debug by hand; write!/writeln! go straight into the String that to_string and format! grow
use std::fmt;

struct Matrix {
    rows: Vec<Vec<i32>>,
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for row in &self.rows {
            for x in row {
                write!(f, "{:>4}", x);
            }
            writeln!(f);
        }
        f.write_str("end")
    }
}

struct Celsius(f64);

impl fmt::Debug for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} C", self.0)
    }
}

fn main() {
    let m = Matrix { rows: vec![vec![1, 20, 300], vec![-4, 5, -60]] };
    let text = m.to_string();
    println!("{text}");
    println!("{} bytes", text.len());
    let temps = vec![Celsius(21.25), Celsius(-3.0)];
    println!("{:?}", temps);
    let line = format!("now {:?} and {}", temps[0], m);
    println!("{line}");
}
