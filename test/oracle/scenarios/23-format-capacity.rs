// format! with literal arguments: rustc folds literals into the template at compile time, so
// format!("x = {}", 42) is format!("x = 42") and allocates exactly its length. Floats and {:?} are not folded.
fn main() {
    let a = format!("{}", 7);
    let b = format!("x = {}", 42);
    let c = format!("{}-{}", "ab", 7);
    let d = format!("a long literal prefix here: {}", 1.5);
    let e = format!("{:?}", "q");
    println!("{} {} {} {} {}", a, b, c, d, e);
    println!("{} {} {} {} {}", a.capacity(), b.capacity(), c.capacity(), d.capacity(), e.capacity());
}
