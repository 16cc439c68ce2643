// expect: outside subset (rustc accepts): closures and iterator adapters
// Valid Rust, but closures and iterator chains are outside the course subset the interpreter runs.
fn main() {
    let factor = 3;
    let triple = |x: i32| x * factor;
    let v: Vec<i32> = vec![1, 2, 3].iter().map(|x| triple(*x)).collect();
    println!("{} {} {}", v[0], v[1], v[2]);
}
