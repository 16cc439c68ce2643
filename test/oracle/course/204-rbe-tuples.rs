// Adapted from: Rust by Example, "Tuples" — https://doc.rust-lang.org/rust-by-example/primitives/tuples.html
// teaches: tuples as arguments and results, destructuring, a tuple holding a String, Debug of nested tuples
fn reverse(pair: (i32, bool)) -> (bool, i32) {
    let (int_param, bool_param) = pair;
    (bool_param, int_param)
}

#[derive(Debug)]
struct Matrix(f32, f32, f32, f32);

fn transpose(m: Matrix) -> Matrix {
    Matrix(m.0, m.2, m.1, m.3)
}

fn main() {
    let long_tuple = (1u8, 2u16, 3u32, 4u64, -1i8, 0.1f32, 'a', true);
    println!("first {} second {}", long_tuple.0, long_tuple.1);
    let tuple_of_tuples = ((1u8, 2u16, 2u32), (4u64, -1i8), -2i16);
    println!("{:?}", tuple_of_tuples);
    let pair = (1, true);
    println!("reversed {:?}", reverse(pair));
    let named = (String::from("owned"), 5);
    let (text, count) = named;
    println!("{text} x{count} {:?}", (5u32,));
    let matrix = Matrix(1.1, 1.2, 2.1, 2.2);
    println!("{:?}", transpose(matrix));
}
