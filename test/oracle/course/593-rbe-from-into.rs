// Adapted from: Rust by Example, "From and Into" — https://doc.rust-lang.org/rust-by-example/conversion/from_into.html
// teaches: .into() picks std's From impl from the type the context wants: &str and &String into String (an exact allocation, as String::from, to_owned and to_string), numbers widening, T into Option<T>
fn takes(s: String) -> usize {
    s.len()
}

fn main() {
    let a: String = "hello".into();
    let b = String::from("hello");
    let c = "hello".to_owned();
    let d = "hello".to_string();
    println!("{} {} {} {}", a == b, b == c, c == d, a.capacity() == d.capacity());
    let borrowed = &a;
    let e: String = borrowed.into();
    println!("{}", takes("worldwide".into()) + takes(e));
    let small: u8 = 200;
    let wide: u64 = small.into();
    let signed: i64 = (-5i32).into();
    let float: f64 = 7u32.into();
    let code: u32 = 'Z'.into();
    let letter: char = 66u8.into();
    let maybe: Option<String> = String::from("some").into();
    println!("{wide} {signed} {float} {code} {letter} {maybe:?}");
}
