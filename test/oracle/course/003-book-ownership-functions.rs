// Adapted from: The Rust Programming Language, ch. 4.1 "Ownership and Functions", "Return Values and Scope" — https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html
// teaches: passing a String moves it into the callee, which frees it; returning one moves it back out
fn takes_ownership(some_string: String) {
    println!("took {some_string}");
}

fn makes_copy(some_integer: i32) {
    println!("copied {some_integer}");
}

fn gives_ownership() -> String {
    String::from("yours")
}

fn takes_and_gives_back(a_string: String) -> String {
    a_string
}

fn main() {
    let s = String::from("hello");
    takes_ownership(s);
    let x = 5;
    makes_copy(x);
    let s1 = gives_ownership();
    let s2 = String::from("round trip");
    let s3 = takes_and_gives_back(s2);
    println!("{s1} {s3} {x}");
}
