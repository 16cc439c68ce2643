// Adapted from: The Rust Programming Language, ch. 4.3 "The Slice Type" — https://doc.rust-lang.org/book/ch04-03-slices.html
// teaches: as_bytes, iter().enumerate(), byte literal b' ', and returning &str slices into a String's buffer
fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    for (i, &item) in bytes.iter().enumerate() {
        if item == b' ' {
            return &s[0..i];
        }
    }
    &s[..]
}

fn main() {
    let my_string = String::from("hello world");
    let word = first_word(&my_string[0..6]);
    println!("{word}");
    let word = first_word(&my_string);
    println!("{word}");
    let literal = "one-word";
    println!("{}", first_word(literal));
    let hello = &my_string[0..5];
    let world = &my_string[6..11];
    println!("[{hello}] [{world}] [{}]", &my_string[3..]);
}
