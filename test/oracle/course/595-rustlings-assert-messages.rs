// Adapted from: rustlings, exercises/17_tests (tests1–3: assert!, assert_eq! with messages) — https://github.com/rust-lang/rustlings/tree/main/exercises/17_tests
// teaches: assert! and assert_eq! take a format message; a failing assert_eq! panics with it and both values ({:?}); unreachable! names its reason
fn is_even(n: i64) -> bool {
    n % 2 == 0
}

fn power_of_two(n: u32) -> u32 {
    match n {
        0..=31 => 1 << n,
        _ => unreachable!("n = {} is too large", n),
    }
}

fn main() {
    assert!(is_even(10), "10 should be even");
    assert!(!is_even(7));
    assert_eq!(power_of_two(4), 16, "2^{} is {}", 4, 16);
    assert_ne!(String::from("a"), "b");
    let label = String::from("rect");
    assert_eq!(label, "rect");
    println!("all good");
    let area = vec![3, 4];
    assert_eq!(area, vec![3, 5], "area of {label:?} ({})", area.len());
}
