// Adapted from: Rust by Example, "From and Into" — https://doc.rust-lang.org/rust-by-example/conversion/from_into.html
// teaches: impl From<i32> for Number and the Into it brings; a Vec<Number> via into()
#[derive(Debug)]
struct Number {
    value: i32,
}

impl From<i32> for Number {
    fn from(item: i32) -> Self {
        Number { value: item }
    }
}

fn main() {
    let my_str = "hello";
    let my_string = String::from(my_str);
    let num = Number::from(30);
    println!("My number is {:?} and my string is {}", num, my_string);
    let int = 5;
    let num: Number = int.into();
    let many: Vec<Number> = vec![1, 2, 3].into_iter().map(|n| n.into()).collect();
    println!("My number is {:?}, many: {:?}", num, many);
    println!("{}", many.iter().map(|n| n.value).sum::<i32>());
}
