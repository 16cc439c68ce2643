// Adapted from: Comprehensive Rust, "Generic Functions" — https://google.github.io/comprehensive-rust/generics/generic-functions.html
// teaches: one generic fn monomorphised for i32, (i32, i32) and String; the unused String argument is dropped
fn pick<T>(cond: bool, left: T, right: T) -> T {
    if cond { left } else { right }
}

fn main() {
    println!("picked a number: {:?}", pick(true, 222, 333));
    println!("picked a tuple: {:?}", pick(false, ("dog", 1), ("cat", 2)));
    let s = pick(true, String::from("kept"), String::from("dropped at the call's end"));
    println!("picked a string: {s}");
}
