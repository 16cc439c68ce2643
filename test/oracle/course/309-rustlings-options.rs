// Adapted from: rustlings, exercises/12_options (options2.rs: nested Options and while let) — https://github.com/rust-lang/rustlings/tree/main/exercises/12_options
// teaches: Vec<Option<i8>> popped with `while let Some(Some(x))`, if let on Option, Option<String> as_deref
fn main() {
    let target = "rustlings";
    let optional_target = Some(target);
    if let Some(word) = optional_target {
        println!("{word}");
    }
    let range = 10;
    let mut optional_integers: Vec<Option<i8>> = vec![None];
    for i in 1..=range {
        optional_integers.push(Some(i));
    }
    let mut cursor = range;
    while let Some(Some(integer)) = optional_integers.pop() {
        assert_eq!(integer, cursor);
        cursor -= 1;
    }
    println!("stopped at {cursor}, {} left", optional_integers.len());
    let name: Option<String> = Some(String::from("Ferris"));
    println!("{:?} {:?}", name.as_deref(), name.as_ref().map(|s| s.len()));
}
