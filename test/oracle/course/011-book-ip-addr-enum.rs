// Adapted from: The Rust Programming Language, ch. 6.1 "Defining an Enum" — https://doc.rust-lang.org/book/ch06-01-defining-an-enum.html
// teaches: enum variants carrying data (four u8 vs a String); only the String variant allocates
#[derive(Debug)]
enum IpAddr {
    V4(u8, u8, u8, u8),
    V6(String),
}

fn describe(ip: &IpAddr) -> String {
    match ip {
        IpAddr::V4(a, b, c, d) => format!("{a}.{b}.{c}.{d}"),
        IpAddr::V6(s) => s.clone(),
    }
}

fn main() {
    let home = IpAddr::V4(127, 0, 0, 1);
    let loopback = IpAddr::V6(String::from("::1"));
    println!("{} and {}", describe(&home), describe(&loopback));
    println!("{:?}", loopback);
}
