// Adapted from: The Rust Programming Language, ch. 4.2 "References and Borrowing" — https://doc.rust-lang.org/book/ch04-02-references-and-borrowing.html
// teaches: &String borrows without moving; &mut String lets the callee grow the caller's buffer
fn calculate_length(s: &String) -> usize {
    s.len()
}

fn change(some_string: &mut String) {
    some_string.push_str(", world");
}

fn main() {
    let mut s = String::from("hello");
    let len = calculate_length(&s);
    println!("The length of '{s}' is {len}.");
    change(&mut s);
    let r1 = &s;
    let r2 = &s;
    println!("{r1} and {r2}");
    let r3 = &mut s;
    r3.push('!');
    println!("{r3}");
}
