// Adapted from: Comprehensive Rust, "Testing: Exercise: Luhn Algorithm" — https://google.github.io/comprehensive-rust/testing/exercise.html
// teaches: chars().rev(), to_digit, filtering spaces, a Vec of test inputs with their verdicts
fn luhn(cc_number: &str) -> bool {
    let mut sum = 0;
    let mut double = false;
    let mut digits = 0;
    for c in cc_number.chars().rev() {
        if c == ' ' {
            continue;
        }
        let Some(digit) = c.to_digit(10) else {
            return false;
        };
        digits += 1;
        if double {
            let d = digit * 2;
            sum += if d > 9 { d - 9 } else { d };
        } else {
            sum += digit;
        }
        double = !double;
    }
    digits >= 2 && sum % 10 == 0
}

fn main() {
    let numbers = vec!["4263 9826 4026 9299", "4539 3195 0343 6467", "8273 1232 7352 0569", "foo 0 0", " 0 0 "];
    let verdicts: Vec<(String, bool)> = numbers.iter().map(|n| (n.to_string(), luhn(n))).collect();
    println!("{verdicts:?}");
}
