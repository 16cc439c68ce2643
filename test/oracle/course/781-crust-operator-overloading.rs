// Adapted from: Comprehensive Rust, "Operators" — https://google.github.io/comprehensive-rust/std-traits/operators.html
// teaches: impl std::ops::Add (and Add<(i32, i32)>) for a Copy struct; `+` calls add; a Vec of points summed with fold
use std::ops::Add;

#[derive(Debug, Copy, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Add for Point {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self { x: self.x + other.x, y: self.y + other.y }
    }
}

impl Add<(i32, i32)> for Point {
    type Output = Point;

    fn add(self, offset: (i32, i32)) -> Point {
        Point { x: self.x + offset.0, y: self.y + offset.1 }
    }
}

fn main() {
    let p1 = Point { x: 10, y: 20 };
    let p2 = Point { x: 100, y: 200 };
    println!("{:?} + {:?} = {:?}", p1, p2, p1 + p2);
    let moved = p1 + (1, -1);
    println!("moved: {moved:?}");
    let path: Vec<Point> = (1..=4).map(|i| Point { x: i, y: i * i }).collect();
    let total = path.iter().fold(Point { x: 0, y: 0 }, |acc, p| acc + *p);
    println!("total of {} points: {:?}", path.len(), total);
    assert_eq!(total, Point { x: 10, y: 30 });
}
