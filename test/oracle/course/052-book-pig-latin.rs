// Adapted from: The Rust Programming Language, ch. 8 "Summary" exercise (pig latin) — https://doc.rust-lang.org/book/ch08-03-hash-maps.html#summary
// teaches: chars().next(), slicing past the first char by its len_utf8, format! per word, join
fn pig_latin(word: &str) -> String {
    let first = match word.chars().next() {
        Some(c) => c,
        None => return String::new(),
    };
    if "aeiou".contains(first) {
        format!("{word}-hay")
    } else {
        let rest = &word[first.len_utf8()..];
        format!("{rest}-{first}ay")
    }
}

fn main() {
    let sentence = "first apple of the orchard";
    let words: Vec<String> = sentence.split(' ').map(pig_latin).collect();
    println!("{}", words.join(" "));
}
