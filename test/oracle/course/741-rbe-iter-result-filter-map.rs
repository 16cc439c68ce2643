// Adapted from: Rust by Example, "Iterating over Results" — https://doc.rust-lang.org/rust-by-example/error/iter_result.html
// teaches: filter_map keeps the Some results and drops the rest; collecting from into_iter() through filter_map reuses the buffer
fn parse_all(words: Vec<String>) -> Vec<i32> {
    words.into_iter().filter_map(|w| w.parse().ok()).collect()
}

fn main() {
    let strings = vec!["tofu", "93", "18"];
    let numbers: Vec<i32> = strings.iter().filter_map(|s| s.parse::<i32>().ok()).collect();
    println!("Results: {:?}", numbers);

    let tens: Vec<i32> = (1..=10).filter_map(|n| if n % 3 == 0 { Some(n * 10) } else { None }).collect();
    println!("{tens:?}");

    let words = vec![String::from("4"), String::from("x"), String::from("17"), String::from("y")];
    let nums = parse_all(words);
    println!("{nums:?} capacity {}", nums.capacity());

    let names = vec!["ann", "bo", "cy", "dora"];
    let long: Vec<String> = names.iter().rev().filter_map(|s| if s.len() > 2 { Some(s.to_uppercase()) } else { None }).collect();
    println!("{long:?}");
}
