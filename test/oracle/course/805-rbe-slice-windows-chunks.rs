// Adapted from: Rust by Example, "Arrays and Slices" and the std docs of slice::windows / slice::chunks — https://doc.rust-lang.org/rust-by-example/primitives/array.html
// teaches: windows(2) gives overlapping sub-slices, chunks(3) consecutive ones; both borrow the Vec, nothing allocated but the results collected
fn main() {
    let readings = vec![3, 8, 6, 10, 15, 12, 20];
    let rises: Vec<i32> = readings.windows(2).map(|w| w[1] - w[0]).collect();
    println!("differences: {:?}", rises);
    let increasing = readings.windows(2).filter(|w| w[1] > w[0]).count();
    println!("{increasing} increases");
    for (i, chunk) in readings.chunks(3).enumerate() {
        let sum: i32 = chunk.iter().sum();
        println!("chunk {i}: {:?} sum {sum}", chunk);
    }
}
