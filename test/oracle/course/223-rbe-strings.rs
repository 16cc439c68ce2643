// Adapted from: Rust by Example, "Strings" — https://doc.rust-lang.org/rust-by-example/std/str.html
// teaches: split_whitespace().rev(), chars collected, sort and dedup, a String grown with push/push_str, replace, trim
fn main() {
    let pangram: &'static str = "the quick brown fox jumps over the lazy dog";
    println!("Words in reverse");
    for word in pangram.split_whitespace().rev() {
        print!("{} ", word);
    }
    println!();
    let mut chars: Vec<char> = pangram.chars().collect();
    chars.sort();
    chars.dedup();
    let mut string = String::new();
    for c in chars {
        string.push(c);
        string.push_str(", ");
    }
    let chars_to_trim: &[char] = &[' ', ','];
    let trimmed_str: &str = string.trim_matches(chars_to_trim);
    println!("Used characters: {}", trimmed_str);
    let alice = String::from("I like dogs");
    let bob: String = alice.replace("dog", "cat");
    println!("Alice says: {}", alice);
    println!("Bob says: {}", bob);
}
