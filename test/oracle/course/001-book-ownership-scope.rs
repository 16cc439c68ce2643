// Adapted from: The Rust Programming Language, ch. 4.1 "What Is Ownership?" — https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html
// teaches: a String owns a heap buffer that grows with push_str and is freed when its owner's scope ends
fn main() {
    {
        let mut s = String::from("hello");
        s.push_str(", world!");
        println!("{s} (len {}, capacity {})", s.len(), s.capacity());
    }
    let t = String::from("scope two");
    println!("{t}");
}
