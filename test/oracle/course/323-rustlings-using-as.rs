// Adapted from: rustlings, exercises/23_conversions/using_as.rs (average) — https://github.com/rust-lang/rustlings/tree/main/exercises/23_conversions
// teaches: `as f64` on a usize length to divide floats; sum of a slice of f64
fn average(values: &[f64]) -> f64 {
    let total = values.iter().sum::<f64>();
    total / values.len() as f64
}

fn main() {
    let values = vec![3.5, 0.3, 13.0, 11.7];
    println!("{}", average(&values));
    let ints: Vec<i32> = values.iter().map(|v| *v as i32).collect();
    println!("{ints:?}");
}
