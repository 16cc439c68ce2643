// Box::new(i64) allocates 8 bytes aligned to 8 and frees them when the box goes out of scope.
fn main() {
    let b = Box::new(42i64);
    println!("{}", *b + 1);
}
