// Adapted from: rustlings, exercises/09_strings (trim_me, compose_me, replace_me) — https://github.com/rust-lang/rustlings/tree/main/exercises/09_strings
// teaches: trim returns a &str into the input; compose with format! or +; replace allocates a new String
fn trim_me(input: &str) -> &str {
    input.trim()
}

fn compose_me(input: &str) -> String {
    format!("{input} world!")
}

fn replace_me(input: &str) -> String {
    input.replace("cars", "balloons")
}

fn main() {
    let padded = String::from("  Hello!  ");
    println!("[{}]", trim_me(&padded));
    println!("{}", compose_me("Hello"));
    println!("{}", replace_me("I think cars are cool"));
    let s = String::from("Hi") + " there";
    println!("{s} {}", s.to_lowercase());
}
