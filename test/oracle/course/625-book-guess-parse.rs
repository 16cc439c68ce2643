// Adapted from: The Rust Programming Language, ch. 2 "Programming a Guessing Game" (parse, match on Ordering) — https://doc.rust-lang.org/book/ch02-00-guessing-game-tutorial.html
// teaches: trim then parse a line of input into u32; Err skips the line with continue; cmp against the secret
use std::cmp::Ordering;

fn main() {
    let secret_number: u32 = 42;
    let input = String::from("50\nabc\n  17  \n-3\n42\n99\n");
    let mut tries = 0;
    for line in input.lines() {
        let guess: u32 = match line.trim().parse() {
            Ok(num) => num,
            Err(_) => {
                println!("not a number: {line:?}");
                continue;
            }
        };
        tries += 1;
        println!("You guessed: {guess}");
        match guess.cmp(&secret_number) {
            Ordering::Less => println!("Too small!"),
            Ordering::Greater => println!("Too big!"),
            Ordering::Equal => {
                println!("You win after {tries} tries!");
                break;
            }
        }
    }
}
