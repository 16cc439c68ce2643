// Adapted from: Rust by Example, "Searching through iterators" (Iterator::find, position) — https://doc.rust-lang.org/rust-by-example/fn/closures/closure_examples/iter_find.html
// teaches: find on iter() gives Option<&T>, on into_iter() Option<T>; position; copied() turns Option<&T> into Option<T>
fn main() {
    let vec1 = vec![1, 2, 3];
    let vec2 = vec![4, 5, 6];
    let mut iter = vec1.iter();
    let mut into_iter = vec2.into_iter();
    println!("Find 2 in vec1: {:?}", iter.find(|&&x| x == 2));
    println!("Find 2 in vec2: {:?}", into_iter.find(|&x| x == 2));
    let words = vec![String::from("tic"), String::from("tac"), String::from("toe")];
    let found: Option<&String> = words.iter().find(|w| w.starts_with("ta"));
    println!("found {:?}, owned copy {:?}", found, found.cloned());
    let evens = [7, 9, 2, 4, 6];
    let first_even = evens.iter().position(|&x| x % 2 == 0);
    println!("first even at {:?}", first_even);
    let big = evens.iter().find(|&&x| x > 8).copied().unwrap_or(0);
    println!("first over 8: {big}");
}
