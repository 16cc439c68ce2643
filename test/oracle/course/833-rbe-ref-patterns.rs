// Adapted from: Rust by Example, "The ref pattern" and "Aliasing" (borrows taken in patterns, and data borrowed immutably cannot change until the borrow's last use) — https://doc.rust-lang.org/rust-by-example/scope/borrow/ref.html
// teaches: `if let Some(n) = &name` and `Some(ref n)` borrow the Option until `n`'s last use, after which it can be reassigned; `while let Some(top) = stack.last()` reads, then pushes once `top` is no longer needed
fn main() {
    let mut name = Some(String::from("Ferris"));
    if let Some(n) = &name {
        println!("hello, {}", n);
    }
    name = Some(String::from("Corro"));
    if let Some(ref n) = name {
        println!("hello again, {} ({} bytes)", n, n.len());
    }
    name = None;
    println!("{:?}", name);

    let mut stack = vec![1];
    while let Some(top) = stack.last() {
        if *top >= 64 {
            break;
        }
        let next = *top * 4;
        stack.push(next);
    }
    println!("{:?}", stack);

    let mut pair = (String::from("left"), String::from("right"));
    let (ref left, _) = pair;
    println!("{}", left);
    pair.1.push_str("most");
    pair.0 = String::from("new");
    println!("{:?}", pair);
}
