// Adapted from: Comprehensive Rust, "Closures" (returning closures, Box<dyn Fn>) — https://google.github.io/comprehensive-rust/std-traits/closures.html
// teaches: closures capturing Strings by move, stored as Box<dyn Fn(&str) -> String> in a Vec
fn make_greeter(prefix: String) -> impl Fn(&str) -> String {
    move |name| format!("{prefix} {name}")
}

fn main() {
    let hi = make_greeter("Hi".to_string());
    println!("{}", hi("Greg"));
    let mut ops: Vec<Box<dyn Fn(&str) -> String>> = Vec::new();
    ops.push(Box::new(make_greeter(String::from("Hello"))));
    let suffix = String::from("!!");
    ops.push(Box::new(move |s| format!("{s}{suffix}")));
    ops.push(Box::new(|s| s.to_uppercase()));
    for op in &ops {
        println!("{}", op("rust"));
    }
}
