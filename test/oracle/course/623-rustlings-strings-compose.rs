// Adapted from: rustlings, exercises/09_strings/strings3.rs (trim_me, compose_me, replace_me) — https://github.com/rust-lang/rustlings/tree/main/exercises/09_strings
// teaches: trim returns a &str into the input; format! and + compose new Strings; replace allocates; split_whitespace over a padded input
fn trim_me(input: &str) -> &str {
    input.trim()
}

fn compose_me(input: &str) -> String {
    input.to_string() + " world!"
}

fn replace_me(input: &str) -> String {
    input.replace("cars", "balloons")
}

fn main() {
    println!("[{}]", trim_me("  Hello!   "));
    println!("{}", compose_me("Hello"));
    println!("{}", replace_me("I think cars are cool"));
    let padded = "   many   spaces\there\n";
    let words: Vec<&str> = padded.split_whitespace().collect();
    println!("{words:?}");
    let mut caps = String::new();
    for w in padded.split_whitespace() {
        caps.push_str(&w.to_uppercase());
        caps.push(' ');
    }
    println!("{}", caps.trim_end());
}
