// Box of a struct allocates size_of::<Point>() with the struct's alignment.
struct Point {
    x: f64,
    y: f64,
    tag: u8,
}

fn main() {
    let p = Box::new(Point { x: 1.5, y: -2.0, tag: 7 });
    println!("{} {} {}", p.x, p.y, p.tag);
}
