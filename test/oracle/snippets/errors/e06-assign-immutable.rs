// expect: rustc error E0384 at line 5
// Variables are immutable unless declared with `let mut`.
fn main() {
    let count = 1;
    count = count + 1;
    println!("{}", count);
}
