// A shared reference (&) lets a function read a value without taking ownership.
fn count_bytes(s: &String) -> usize {
    s.len()
}

fn longest(a: &String, b: &String) -> usize {
    if a.len() > b.len() {
        a.len()
    } else {
        b.len()
    }
}

fn main() {
    let first = String::from("borrow");
    let second = String::from("checker");
    println!("{}", count_bytes(&first));
    println!("{}", longest(&first, &second));
    println!("still usable: {} {}", first, second);
}
