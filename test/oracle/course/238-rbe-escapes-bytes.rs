// Adapted from: Rust by Example, "Strings" (byte strings and escapes) — https://doc.rust-lang.org/rust-by-example/std/str.html#literals-and-escapes
// teaches: byte literals are u8 (b'a' is 97), b"hi" is &[u8; 2]; {:?} escapes strings and chars as char::escape_debug does
fn main() {
    let a = b'a';
    let bytes = b"hi";
    println!("{} {:?} {:?}", a, bytes, b"\x00\xff");
    let escaped = String::from("tab\there \"quoted\" back\\slash\nnew line");
    println!("{:?}", escaped);
    let family = String::from("👨\u{200d}👩 zero\u{200b}width é");
    println!("{:?} {:?} {:?} {:?}", family, '\'', '\u{301}', "e\u{301}");
    let raw = r"C:\path";
    let owned: Vec<u8> = raw.bytes().collect();
    println!("{raw:?} {owned:?}");
}
