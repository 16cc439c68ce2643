// Box::new moves a value to the heap; the box itself is a pointer on the stack, *b reads the value.
struct Pair {
    a: i64,
    b: i64,
}

fn main() {
    let boxed = Box::new(41);
    let value = *boxed + 1;
    println!("{} {}", boxed, value);
    let pair = Box::new(Pair { a: 3, b: 4 });
    println!("{} {}", pair.a, pair.b);
}
