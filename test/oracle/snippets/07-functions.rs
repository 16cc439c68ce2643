// Functions take parameters by value and return the value of their last expression; each call gets a frame.
fn square(x: i32) -> i32 {
    x * x
}

fn hypot_squared(a: i32, b: i32) -> i32 {
    square(a) + square(b)
}

fn average(a: f64, b: f64) -> f64 {
    (a + b) / 2.0
}

fn main() {
    println!("{}", hypot_squared(3, 4));
    println!("{}", average(1.5, 2.5));
}
