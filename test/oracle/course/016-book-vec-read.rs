// Adapted from: The Rust Programming Language, ch. 8.1 "Reading Elements of Vectors" — https://doc.rust-lang.org/book/ch08-01-vectors.html
// teaches: vec! allocates exactly; &v[2] vs v.get(2) returning Option<&i32>; push after the borrow ends
fn main() {
    let mut v = vec![1, 2, 3, 4, 5];
    let third: &i32 = &v[2];
    println!("The third element is {third}");
    let third: Option<&i32> = v.get(2);
    match third {
        Some(third) => println!("The third element is {third}"),
        None => println!("There is no third element."),
    }
    match v.get(100) {
        Some(x) => println!("got {x}"),
        None => println!("There is no element 100."),
    }
    v.push(6);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
}
