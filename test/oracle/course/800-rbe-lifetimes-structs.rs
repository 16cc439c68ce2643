// Adapted from: Rust by Example, "Structs" (lifetimes) — https://doc.rust-lang.org/rust-by-example/scope/lifetime/struct.html
// teaches: structs and enums holding references with a lifetime parameter; the referents (a Vec, a String) outlive them
#[derive(Debug)]
struct Borrowed<'a>(&'a i32);

#[derive(Debug)]
struct NamedBorrowed<'a> {
    x: &'a i32,
    y: &'a i32,
}

#[derive(Debug)]
enum Either<'a> {
    Num(i32),
    Ref(&'a i32),
}

#[derive(Debug)]
struct Excerpt<'a> {
    part: &'a str,
}

fn main() {
    let numbers = vec![18, 15];
    let single = Borrowed(&numbers[0]);
    let double = NamedBorrowed { x: &numbers[0], y: &numbers[1] };
    let reference = Either::Ref(&numbers[0]);
    let number = Either::Num(numbers[1]);
    println!("x is borrowed in {:?}", single);
    println!("x and y are borrowed in {:?}", double);
    println!("x is borrowed in {:?}", reference);
    println!("y is *not* borrowed in {:?}", number);
    let novel = String::from("Call me Ishmael. Some years ago...");
    let first = novel.split('.').next().expect("Could not find a '.'");
    let e = Excerpt { part: first };
    println!("{:?} ({} of {} bytes)", e, e.part.len(), novel.len());
}
