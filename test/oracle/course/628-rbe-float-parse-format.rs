// Adapted from: Rust by Example, "Formatted print" (precision and width) with "To and from Strings" (parse) — https://doc.rust-lang.org/rust-by-example/hello/print.html
// teaches: parse::<f64>() and its ParseFloatError; {:.2?} and {:>6?} reach every element of a Vec, an Option and a tuple
fn main() {
    let inputs = ["3.14159", "-0.5", "1e3", ".25", "inf", "abc", "", "1.5.2"];
    let mut good: Vec<f64> = Vec::new();
    for s in inputs {
        match s.parse::<f64>() {
            Ok(x) => good.push(x),
            Err(e) => println!("{s:?}: {e} ({e:?})"),
        }
    }
    println!("{:?}", good);
    println!("{:.2?}", good);
    println!("{:.1?}", Some(2.25f32));
    println!("{:>6?}", (1, "ab", 'c'));
    println!("{:08.3?}", vec![1.0, -2.5]);
    let total: f64 = good.iter().filter(|x| x.is_finite()).sum();
    println!("{total:.3}");
}
