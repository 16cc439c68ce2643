// Adapted from: The Rust Programming Language, ch. 2 "Handling Invalid Input" and ch. 9.2 "Recoverable Errors with Result" — https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html
// teaches: str::parse returning Result; match on Ok/Err; collecting the good numbers into a Vec
fn main() {
    let inputs = vec!["42", " 7 ", "x9", "-3", ""];
    let mut good = Vec::new();
    for raw in &inputs {
        let guess: i32 = match raw.trim().parse() {
            Ok(num) => num,
            Err(e) => {
                println!("{raw:?}: {e}");
                continue;
            }
        };
        good.push(guess);
    }
    println!("{good:?}");
}
