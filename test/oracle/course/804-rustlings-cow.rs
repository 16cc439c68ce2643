// Adapted from: rustlings, exercises/19_smart_pointers/cow1.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/19_smart_pointers
// teaches: Cow<[i32]> borrowing until a write: to_mut() clones a borrowed slice once, an owned Vec is changed in place
use std::borrow::Cow;

fn abs_all(input: &mut Cow<[i32]>) {
    for ind in 0..input.len() {
        let value = input[ind];
        if value < 0 {
            input.to_mut()[ind] = -value;
        }
    }
}

fn main() {
    let vec = vec![-1, 0, 1];
    let mut input = Cow::from(&vec[..]);
    abs_all(&mut input);
    println!("{}", matches!(input, Cow::Owned(_)));
    let slice = [0, 1, 2];
    let mut input = Cow::from(&slice[..]);
    abs_all(&mut input);
    println!("{}", matches!(input, Cow::Borrowed(_)));
}
