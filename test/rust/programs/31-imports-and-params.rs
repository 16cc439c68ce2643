// use of an enum's variants, mut parameters, Self(..), a consuming for moving its items, named format arguments.
use std::rc::Rc;
use Shape::{Circle, Square};

enum Shape {
    Circle(u32),
    Square(u32),
}

struct Pair(i32, i32);

impl Pair {
    fn twin(n: i32) -> Self {
        Self(n, n)
    }
}

fn grow(mut v: Vec<String>, word: &str) -> Vec<String> {
    v.push(String::from(word));
    v
}

fn main() {
    let shapes = vec![Circle(2), Square(3), Circle(5)];
    let mut total = 0;
    for s in &shapes {
        total += match s {
            Circle(r) => r * r * 3,
            Square(a) => a * a,
        };
    }
    let words = grow(vec![String::from("a")], "bc");
    let mut long = Vec::new();
    for w in words {
        if w.len() > 1 {
            long.push(w);
        }
    }
    let p = Pair::twin(7);
    let shared = Rc::new(p.0 + p.1);
    let line = format!("{count} shapes, area {area}, long {long:?}", count = shapes.len(), area = total);
    println!("{line} {}", shared);
    let first = &long[0];
    println!("{first}");
}
