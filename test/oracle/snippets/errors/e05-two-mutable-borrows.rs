// expect: rustc error E0499 at line 6
// Two live &mut borrows of the same value at once are rejected by the borrow checker.
fn main() {
    let mut s = String::from("x");
    let r1 = &mut s;
    let r2 = &mut s;
    r1.push('a');
    r2.push('b');
    println!("{}", s);
}
