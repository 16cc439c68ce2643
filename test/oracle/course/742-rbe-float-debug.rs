// Adapted from: Rust by Example, "Primitives" and "Formatted print" (Debug of floats) — https://doc.rust-lang.org/rust-by-example/primitives.html
// teaches: {} never uses an exponent but {:?} does past 1e16 and below 1e-4; f32 prints its own shortest digits; NaN and infinities by name
#[derive(Debug)]
struct Reading {
    label: String,
    value: f64,
    scale: f32,
}

fn main() {
    let distances = vec![1.0, 0.5, 1e15, 1e16, 2.5e17, 0.0001, 0.00009, 1e-7, -3e20, 0.0, -0.0];
    for d in &distances {
        println!("{} | {:?}", d, d);
    }
    println!("{:?}", distances);
    let ratio = 1.0f32 / 3.0;
    let tiny = 1.5e-5f32;
    println!("{} {:?} {} {:?}", ratio, ratio, tiny, tiny);
    let odd = vec![f64::NAN, f64::INFINITY, -f64::INFINITY, f64::MAX, f64::MIN_POSITIVE];
    println!("{:?}", odd);
    let r = Reading { label: String::from("far"), value: 6.02e23, scale: 0.1 };
    println!("{:?}", r);
    println!("{:#?}", Some(r.value / 1e30));
    println!("{:.2?} {:.3?}", 1e20f64, 1e-7f64);
}
