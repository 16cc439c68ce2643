// Closures (by reference, by move, FnMut), iterator adapters over a Vec, a generic fn with a
// Display bound, Box<dyn Trait>, Rc<RefCell<..>> and a HashMap counted with entry: the base of the
// targeted mutants in test/rust/targeted-mutants.ts (same verdict as rustc).
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

trait Shape {
    fn area(&self) -> f64;
}

struct Square(f64);
struct Circle(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.0 * self.0
    }
}

fn show_all<T: std::fmt::Display>(items: &[T]) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&format!("{} ", item));
    }
    out
}

fn main() {
    let name = String::from("memscope");
    let greet = || name.len();
    println!("{} {}", greet(), name);
    let owned = move || name.len();
    println!("{}", owned());
    let mut count = 0;
    let mut inc = || count += 1;
    inc();
    inc();
    println!("{}", count);
    let mut v = vec![3, 1, 2];
    let doubled: Vec<i32> = v.iter().map(|x| x * 2).collect();
    v.push(4);
    println!("{:?} {:?}", doubled, v);
    let total: i32 = v.iter().sum();
    println!("{} {}", total, show_all(&v));
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(Circle(1.0))];
    for s in shapes.iter() {
        println!("{}", s.area());
    }
    let shared = Rc::new(RefCell::new(Vec::new()));
    let other = Rc::clone(&shared);
    other.borrow_mut().push(1);
    let n = shared.borrow().len();
    println!("{} {}", n, Rc::strong_count(&shared));
    let mut words: HashMap<&str, i32> = HashMap::new();
    for w in ["a", "b", "a"] {
        *words.entry(w).or_insert(0) += 1;
    }
    println!("{}", words["a"]);
}
