// expect: outside subset (rustc accepts): trait and impl blocks
// Valid Rust, but traits and impl blocks are outside the course subset the interpreter runs.
trait Area {
    fn area(&self) -> f64;
}

struct Square {
    side: f64,
}

impl Area for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

fn main() {
    let s = Square { side: 3.0 };
    println!("{}", s.area());
}
