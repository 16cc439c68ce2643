// A let without a value is initialised later; Copy structs are copied, not moved.
#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

struct Line {
    a: Point,
    b: Point,
}

fn main() {
    let label;
    let n = 7;
    if n % 2 == 1 {
        label = String::from("odd");
    } else {
        label = String::from("even");
    }
    println!("{}", label);
    let mut p = Point { x: 1, y: 2 };
    let q = p;
    p.x = 10;
    println!("{} {} {}", p.x, q.x, q.y);
    let mut line = Line { a: p, b: q };
    line.b.y = 99;
    println!("{} {} {}", line.a.x, line.b.y, q.y);
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("top {}", top);
    }
}
