// Adapted from: The Rust Programming Language, ch. 3.1 "Variables and Mutability" (constants, shadowing) — https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html
// teaches: const, shadowing a &str with its length, shadowing in an inner scope, a String built from the values
const THREE_HOURS_IN_SECONDS: u32 = 60 * 60 * 3;

fn main() {
    let x = 5;
    let x = x + 1;
    {
        let x = x * 2;
        println!("The value of x in the inner scope is: {x}");
    }
    println!("The value of x is: {x}");
    let spaces = "   ";
    let spaces = spaces.len();
    let mut summary = String::new();
    summary.push_str(&THREE_HOURS_IN_SECONDS.to_string());
    summary.push_str(" seconds, ");
    summary.push_str(&spaces.to_string());
    summary.push_str(" spaces");
    println!("{summary}");
}
