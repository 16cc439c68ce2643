// Adapted from: Rust by Example, "Iterator::any" and "Searching through iterators" — https://doc.rust-lang.org/rust-by-example/fn/closures/closure_examples/iter_find.html
// teaches: any and find over iter() and into_iter(); position; arrays vs Vecs
fn main() {
    let vec1 = vec![1, 2, 3];
    let vec2 = vec![4, 5, 6];
    println!("2 in vec1: {}", vec1.iter().any(|&x| x == 2));
    println!("2 in vec2: {}", vec2.into_iter().any(|x| x == 2));
    let mut iter = vec1.iter();
    println!("Find 2 in vec1: {:?}", iter.find(|&&x| x == 2));
    let array1 = [1, 2, 3];
    println!("Find 2 in array1: {:?}", array1.iter().find(|&&x| x == 2));
    let index_of_first_even_number = vec1.iter().position(|&x| x % 2 == 0);
    println!("{:?}", index_of_first_even_number);
}
