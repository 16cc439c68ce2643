// Adapted from: rustlings, exercises/18_iterators/iterators2.rs (capitalize_first) — https://github.com/rust-lang/rustlings/tree/main/exercises/18_iterators
// teaches: chars().next(), to_uppercase() then collect::<String>() + as_str(), map over words, collect into Vec and String
fn capitalize_first(input: &str) -> String {
    let mut chars = input.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
    }
}

fn capitalize_words_vector(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| capitalize_first(w)).collect()
}

fn capitalize_words_string(words: &[&str]) -> String {
    words.iter().map(|w| capitalize_first(w)).collect()
}

fn main() {
    println!("{}", capitalize_first("hello"));
    println!("{:?}", capitalize_words_vector(&["hello", "world"]));
    println!("{}", capitalize_words_string(&["hello", " ", "world"]));
}
