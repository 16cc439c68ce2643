// Adapted from: rustlings, exercises/09_strings/strings3.rs (tests comparing String results with &str) — https://github.com/rust-lang/rustlings/tree/main/exercises/09_strings
// teaches: assert_eq! compares a String with a &str (String: PartialEq<&str>); a failing assert_eq! panics with both values
fn trim_me(input: &str) -> &str {
    input.trim()
}

fn compose_me(input: &str) -> String {
    format!("{input} world!")
}

fn main() {
    assert_eq!(trim_me("Hello!     "), "Hello!");
    assert_eq!(compose_me("Hello"), "Hello world!");
    assert_eq!(String::from("abc"), "abc");
    assert_ne!(compose_me("Bye"), "Hello world!");
    println!("all passed");
    assert_eq!(compose_me("x"), "x world?", "compose_me({:?})", "x");
}
