// Adapted from: rustlings, exercises/19_smart_pointers/box1.rs (cons list) — https://github.com/rust-lang/rustlings/tree/main/exercises/19_smart_pointers
// teaches: an empty list needs no heap; a non-empty one is a chain of Boxes
#[derive(PartialEq, Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn create_empty_list() -> List {
    List::Nil
}

fn create_non_empty_list() -> List {
    List::Cons(1, Box::new(List::Cons(2, Box::new(List::Nil))))
}

fn main() {
    println!("This is an empty cons list: {:?}", create_empty_list());
    println!("This is a non-empty cons list: {:?}", create_non_empty_list());
    assert_eq!(List::Nil, create_empty_list());
    assert_ne!(create_empty_list(), create_non_empty_list());
}
