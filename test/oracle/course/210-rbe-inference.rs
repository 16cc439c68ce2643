// Adapted from: Rust by Example, "Inference" and "Literals" — https://doc.rust-lang.org/rust-by-example/types/inference.html
// teaches: Vec::new() whose element type is inferred from a later push; suffixed literals and size_of_val
fn main() {
    let elem = 5u8;
    let mut vec = Vec::new();
    vec.push(elem);
    vec.push(7);
    println!("{:?} elements of {} byte(s)", vec, std::mem::size_of_val(&vec[0]));
    let x = 1u8;
    let y = 2u32;
    let z = 3f32;
    let i = 1;
    let f = 1.0;
    println!("size of `x` in bytes: {}", std::mem::size_of_val(&x));
    println!("size of `y` in bytes: {}", std::mem::size_of_val(&y));
    println!("size of `z` in bytes: {}", std::mem::size_of_val(&z));
    println!("size of `i` in bytes: {}", std::mem::size_of_val(&i));
    println!("size of `f` in bytes: {}", std::mem::size_of_val(&f));
}
