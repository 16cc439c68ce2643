// format! sizes its String from the literal pieces (an estimate), then grows while writing.
fn main() {
    let a = format!("{}", 7);
    let b = format!("x = {}", 42);
    let c = format!("{}-{}", "ab", 7);
    let d = format!("a long literal prefix here: {}", 1.5);
    let e = format!("{:?}", "q");
    println!("{} {} {} {} {}", a, b, c, d, e);
    println!("{} {} {} {} {}", a.capacity(), b.capacity(), c.capacity(), d.capacity(), e.capacity());
}
