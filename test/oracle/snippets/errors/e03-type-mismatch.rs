// expect: rustc error E0308 at line 4
// A String literal is a &str; it cannot be stored in a variable declared as i32.
fn main() {
    let n: i32 = "five";
    println!("{}", n);
}
