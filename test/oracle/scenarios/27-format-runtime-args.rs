// format! with runtime arguments: the String starts at std's estimate from the literal text
// (0 when the template starts with {} and has under 16 literal bytes, else twice the literal bytes),
// then grows like push_str (at least 8 bytes, doubling).
fn main() {
    let n = 42;
    let name = String::from("Ferris");
    let a = format!("{}", n);
    let b = format!("n = {}", n);
    let c = format!("{} is {} years and {} days old", name, n, n);
    let d = format!("a long literal prefix here: {}", n);
    println!("{} | {} | {} | {}", a, b, c, d);
    println!("{} {} {} {}", a.capacity(), b.capacity(), c.capacity(), d.capacity());
}
