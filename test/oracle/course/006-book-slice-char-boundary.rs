// Adapted from: The Rust Programming Language, ch. 8.2 "Slicing Strings" — https://doc.rust-lang.org/book/ch08-02-strings.html
// teaches: string slices are byte ranges; slicing inside a multi-byte char panics at run time
fn main() {
    let hello = String::from("Здравствуйте");
    let s = &hello[0..4];
    println!("{s} ({} bytes of {})", s.len(), hello.len());
    let cut = 1 + s.len() / 2;
    let bad = &hello[0..cut];
    println!("never printed: {bad}");
}
