// Adapted from: rustlings, exercises/18_iterators/iterators2.rs and iterators4.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/18_iterators
// teaches: chars().rev() collected into a String; product and fold over ranges; any/all and min/max on an iterator of refs
fn factorial(num: u64) -> u64 {
    (1..=num).product()
}

fn factorial_fold(num: u64) -> u64 {
    (1..=num).fold(1, |acc, n| acc * n)
}

fn main() {
    let word = String::from("iterator");
    let backwards: String = word.chars().rev().collect();
    println!("{backwards} ({} bytes, capacity {})", backwards.len(), backwards.capacity());
    println!("{} {} {}", factorial(0), factorial(12), factorial_fold(12));
    let temps = vec![18, -3, 25, 7, 31];
    let any_freezing = temps.iter().any(|&t| t < 0);
    let all_mild = temps.iter().all(|&t| t < 35);
    println!("freezing {any_freezing}, mild {all_mild}, min {:?}, max {:?}", temps.iter().min(), temps.iter().max());
    let above: Vec<String> = temps.iter().filter(|&&t| t > 10).map(|t| format!("{t}C")).collect();
    println!("{above:?} (capacity {})", above.capacity());
}
