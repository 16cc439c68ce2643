// Adapted from: Rust by Example, "Strings" (literals and escapes) — https://doc.rust-lang.org/rust-by-example/std/str.html#literals-and-escapes
// teaches: b'a' is the u8 97; {:?} escapes text as char::escape_debug does (quotes, backslashes, control chars, zero-width and combining chars), {} prints it as is
fn main() {
    let a = b'a';
    let nl = b'\n';
    println!("{} {} {}", a, nl, a + 1);
    let quoted = String::from("say \"hi\"\tto\\them\r\n");
    println!("{:?}", quoted);
    println!("{}", quoted.trim_end());
    let family = "👨\u{200d}👩 zero\u{200b}width e\u{301} \u{7f}";
    println!("{:?}", family);
    println!("{:?} {:?} {:?} {:?} {:?}", '\'', '"', '\u{301}', '\u{200d}', 'é');
    let mut built = String::new();
    built.push_str(&format!("{:?}", "\u{0}x\u{1b}"));
    println!("{built} ({} bytes)", built.len());
}
