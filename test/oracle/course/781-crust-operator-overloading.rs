// Adapted from: Comprehensive Rust, "Operators" — https://google.github.io/comprehensive-rust/std-traits/operators.html
// teaches: impl std::ops::Add / Mul<i32> / Neg for a Copy struct; `a + b` calls add with both operands by value; a Vec of points summed with fold
use std::ops::{Add, Mul, Neg};

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

impl Mul<i32> for Point {
    type Output = Point;

    fn mul(self, k: i32) -> Point {
        Point { x: self.x * k, y: self.y * k }
    }
}

impl Neg for Point {
    type Output = Point;

    fn neg(self) -> Point {
        Point { x: -self.x, y: -self.y }
    }
}

fn main() {
    let p1 = Point { x: 10, y: 20 };
    let p2 = Point { x: 100, y: 200 };
    println!("{:?} + {:?} = {:?}", p1, p2, p1 + p2);
    println!("scaled: {:?}, flipped: {:?}", p1 * 3, -p2);
    let path: Vec<Point> = (1..=4).map(|i| Point { x: i, y: i * i }).collect();
    let total = path.iter().fold(Point { x: 0, y: 0 }, |acc, p| acc + *p);
    println!("total of {} points: {:?}", path.len(), total);
    assert_eq!(total, Point { x: 10, y: 30 });
}
