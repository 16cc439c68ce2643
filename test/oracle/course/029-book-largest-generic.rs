// Adapted from: The Rust Programming Language, ch. 10.1 "In Function Definitions" (largest<T: PartialOrd>) — https://doc.rust-lang.org/book/ch10-01-syntax.html
// teaches: a generic function with a trait bound over slices &[T], monomorphised for i32 and char
fn largest<T: PartialOrd>(list: &[T]) -> &T {
    let mut largest = &list[0];
    for item in list {
        if item > largest {
            largest = item;
        }
    }
    largest
}

fn main() {
    let number_list = vec![34, 50, 25, 100, 65];
    println!("The largest number is {}", largest(&number_list));
    let char_list = vec!['y', 'm', 'a', 'q'];
    println!("The largest char is {}", largest(&char_list));
    let words = vec![String::from("pear"), String::from("apple"), String::from("zucchini")];
    println!("The largest word is {}", largest(&words));
}
