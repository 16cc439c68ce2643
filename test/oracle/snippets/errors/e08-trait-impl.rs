// expect: outside subset (rustc accepts): generic traits
// Valid Rust: traits, impl blocks and generic functions run now, but a trait with a type
// parameter of its own is still outside the subset the interpreter runs.
trait Scale<T> {
    fn scale(&self, by: T) -> f64;
}

struct Square {
    side: f64,
}

impl Scale<f64> for Square {
    fn scale(&self, by: f64) -> f64 {
        self.side * by
    }
}

fn main() {
    let s = Square { side: 3.0 };
    println!("{}", s.scale(2.0));
}
