// Our own program: unwrap_or and expect on an Option<String> held in a variable (a move of the whole Option)
// teaches: None gives the default back (no panic); Some drops the unused default after taking the value
fn pick(n: i32) -> Option<String> {
    if n > 0 { Some(format!("n={}", n)) } else { None }
}

fn main() {
    let none = pick(0);
    let a = none.unwrap_or(String::from("default"));
    let some = pick(3);
    let b = some.unwrap_or(String::from("unused default"));
    let c = pick(5);
    let d = c.expect("five is positive");
    println!("{} {} {}", a, b, d);
    let missing = pick(-1);
    let e = missing.unwrap_or(b);
    println!("{}", e);
}
