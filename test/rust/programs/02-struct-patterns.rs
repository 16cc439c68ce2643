// Enums with data: tuple and struct variants, matched by reference.
enum Shape {
    Circle(f64),
    Rect { w: f64, h: f64 },
    Label(String),
}

fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle(r) => 3.0 * r * r,
        Shape::Rect { w, h } => w * h,
        Shape::Label(_) => 0.0,
    }
}

fn describe(s: &Shape) -> String {
    match s {
        Shape::Label(text) => format!("label {}", text),
        Shape::Circle(r) => format!("circle r={}", r),
        Shape::Rect { w, .. } => format!("rect w={}", w),
    }
}

fn main() {
    let shapes = vec![Shape::Circle(1.5), Shape::Rect { w: 2.0, h: 4.5 }, Shape::Label(String::from("hello"))];
    let mut total = 0.0;
    for s in &shapes {
        total += area(s);
        println!("{}", describe(s));
    }
    println!("total {}", total);
}
