// A struct groups fields into one value laid out on the stack; field access reads a part of it.
struct Point {
    x: i32,
    y: i32,
}

fn manhattan(p: &Point) -> i32 {
    let dx = if p.x < 0 { -p.x } else { p.x };
    let dy = if p.y < 0 { -p.y } else { p.y };
    dx + dy
}

fn main() {
    let mut p = Point { x: 3, y: -4 };
    println!("({}, {})", p.x, p.y);
    p.x = 10;
    println!("distance {}", manhattan(&p));
}
