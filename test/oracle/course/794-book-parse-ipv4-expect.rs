// Adapted from: The Rust Programming Language, ch. 9.3 "Cases in Which You Have More Information Than the Compiler" — https://doc.rust-lang.org/book/ch09-03-to-panic-or-not-to-panic.html
// teaches: parse into std::net::Ipv4Addr with expect on a hardcoded literal; AddrParseError's message; Ipv4Addr is Copy, 4 bytes on the stack
use std::net::Ipv4Addr;

fn main() {
    let home: Ipv4Addr = "127.0.0.1".parse().expect("Hardcoded IP address should be valid");
    let copy = home;
    println!("{home} loopback={} private={} size={}", home.is_loopback(), copy.is_private(), std::mem::size_of::<Ipv4Addr>());
    let routers: Vec<Ipv4Addr> = vec![Ipv4Addr::new(192, 168, 0, 1), Ipv4Addr::new(10, 0, 0, 138)];
    for r in &routers {
        println!("{r:>15} {:?} {}", r.octets(), r.is_private());
    }
    match "256.0.0.1".parse::<Ipv4Addr>() {
        Ok(ip) => println!("parsed {ip}"),
        Err(e) => println!("not an address: {e}"),
    }
    let label = home.to_string();
    println!("{label} has {} bytes", label.len());
    let typo: Ipv4Addr = "127.0.0.1.".parse().expect("Hardcoded IP address should be valid");
    println!("unreachable {typo}");
}
