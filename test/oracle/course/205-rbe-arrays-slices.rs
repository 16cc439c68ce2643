// Adapted from: Rust by Example, "Arrays and Slices" — https://doc.rust-lang.org/rust-by-example/primitives/array.html
// teaches: [T; N] on the stack, &[T] borrowing part of an array or a Vec, get() returning None past the end
use std::mem;

fn analyze_slice(slice: &[i32]) {
    println!("First element of the slice: {}", slice[0]);
    println!("The slice has {} elements", slice.len());
}

fn main() {
    let xs: [i32; 5] = [1, 2, 3, 4, 5];
    let ys: [i32; 500] = [0; 500];
    println!("Number of elements in array: {}", xs.len());
    println!("Array occupies {} bytes", mem::size_of_val(&xs));
    analyze_slice(&xs);
    analyze_slice(&ys[1..4]);
    let v: Vec<i32> = xs.iter().map(|x| x * 10).collect();
    analyze_slice(&v[2..]);
    for i in 0..xs.len() + 1 {
        match xs.get(i) {
            Some(xval) => print!("{}: {} ", i, xval),
            None => println!("Slow down! {} is too far!", i),
        }
    }
    let empty_array: [u32; 0] = [];
    assert_eq!(&empty_array, &[]);
}
