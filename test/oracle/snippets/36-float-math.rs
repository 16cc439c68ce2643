// f64 arithmetic: areas and a running average, printed with {} and {:?}.
struct Circle {
    r: f64,
}

fn area(c: &Circle) -> f64 {
    3.14159 * c.r * c.r
}

fn main() {
    let circles = vec![Circle { r: 1.0 }, Circle { r: 2.5 }];
    let mut total = 0.0;
    for c in &circles {
        total += area(c);
    }
    println!("{} {:?}", total, total / 2.0);
    println!("{}", 0.1 + 0.2);
}
