// Adapted from: Comprehensive Rust, "Copy Types" and "Clone" — https://google.github.io/comprehensive-rust/memory-management/copy-types.html
// teaches: #[derive(Copy, Clone, Debug)] copies bits; a struct with a String only clones (a new buffer)
#[derive(Copy, Clone, Debug)]
struct Point(i32, i32);

#[derive(Clone, Debug)]
struct Named {
    name: String,
    at: Point,
}

fn main() {
    let p1 = Point(3, 4);
    let p2 = p1;
    println!("p1: {p1:?}");
    println!("p2: {p2:?}");
    let n1 = Named { name: String::from("origin"), at: p1 };
    let mut n2 = n1.clone();
    n2.name.push_str("-copy");
    n2.at.0 = 9;
    println!("{n1:?} / {n2:?}");
}
