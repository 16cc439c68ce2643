// expect: outside subset (rustc accepts): generic functions with trait bounds
// Valid Rust: traits and impl blocks run now, but a generic function bounded by a trait is
// still outside the subset the interpreter runs.
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

fn total<T: Area>(shapes: &Vec<T>) -> f64 {
    let mut sum = 0.0;
    for s in shapes {
        sum = sum + s.area();
    }
    sum
}

fn main() {
    let shapes = vec![Square { side: 3.0 }, Square { side: 1.0 }];
    println!("{}", total(&shapes));
}
