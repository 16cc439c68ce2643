// Adapted from: rustlings, exercises/13_error_handling/errors1.rs-errors4.rs (unwrap on a parse error panics) — https://github.com/rust-lang/rustlings/tree/main/exercises/13_error_handling
// teaches: unwrap on Err(ParseIntError) panics with the error's Debug form; what was printed and allocated before stays
fn main() {
    let inputs = vec![String::from("12"), String::from("300")];
    let mut total: u16 = 0;
    for s in &inputs {
        let n: u8 = s.parse().unwrap();
        total += n as u16;
        println!("added {n}, total {total}");
    }
}
