// Adapted from: rustlings, exercises/quizzes/quiz2.rs (string transformations: trim, uppercase, append) — https://github.com/rust-lang/rustlings/tree/main/exercises/quizzes
// teaches: split_whitespace().rev(), the first byte of each word through as_bytes, capitalising with to_uppercase and Chars::as_str
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn main() {
    let text = "  the quick  brown\tfox ";
    let mut initials = Vec::new();
    for word in text.split_whitespace() {
        initials.push(word.as_bytes()[0]);
    }
    println!("{initials:?}");
    let mut backwards = Vec::new();
    for word in text.split_whitespace().rev() {
        backwards.push(capitalize(word));
    }
    println!("{}", backwards.join(" "));
    let longest = text.split_whitespace().max_by_key(|w| w.len());
    println!("{longest:?}");
}
