// Adapted from: Comprehensive Rust, "From and Into" — https://google.github.io/comprehensive-rust/std-traits/from-and-into.html
// teaches: String::from / .into() allocate; a user impl From<&str> for a struct used through into()
#[derive(Debug)]
struct Username(String);

impl From<&str> for Username {
    fn from(s: &str) -> Self {
        Username(s.to_lowercase())
    }
}

fn main() {
    let s = String::from("hello");
    let addr = std::net::Ipv4Addr::from([127, 0, 0, 1]);
    let one = i16::from(true);
    let bigger = i64::from(123_i32);
    println!("{s}, {addr}, {one}, {bigger}");
    let owned: String = "into a String".into();
    let user: Username = "ALICE".into();
    let boxed: Box<str> = "boxed str".into();
    println!("{owned} {user:?} {boxed}");
}
