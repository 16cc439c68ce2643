// Adapted from: The Rust Programming Language, ch. 3.2 "Invalid Array Element Access" — https://doc.rust-lang.org/book/ch03-02-data-types.html
// teaches: arrays live on the stack; an index computed at run time past the end panics
fn main() {
    let a = [1, 2, 3, 4, 5];
    let names = vec![String::from("first"), String::from("second")];
    let mut index = 0;
    for n in &names {
        index += n.len();
    }
    println!("index {index} in an array of {}", a.len());
    let element = a[index];
    println!("The value of the element at index {index} is: {element}");
}
