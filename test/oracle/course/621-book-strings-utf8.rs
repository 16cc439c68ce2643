// Adapted from: The Rust Programming Language, ch. 8.2 "Storing UTF-8 Encoded Text with Strings" — https://doc.rust-lang.org/book/ch08-02-strings.html
// teaches: a String's bytes and chars differ for non-ASCII text; as_bytes, len_utf8, find and contains with a char or a &str
fn main() {
    let hello = String::from("Здравствуйте");
    let bytes = hello.as_bytes();
    println!("{} chars, {} bytes, first byte {}", hello.chars().count(), bytes.len(), bytes[0]);
    for c in "Зд".chars() {
        println!("{c} takes {} bytes", c.len_utf8());
    }
    let greeting = "hello, world";
    println!("{:?} {:?} {:?}", greeting.find(','), greeting.find("world"), greeting.find('z'));
    println!("{:?}", greeting.rfind('o'));
    println!("{} {} {}", greeting.contains('w'), greeting.contains("lo, "), greeting.starts_with('h'));
    let mut s = String::from("tic");
    s.push('-');
    s.push_str("tac-toe");
    if let Some(dash) = s.find('-') {
        println!("before the first dash: {}", &s[..dash]);
    }
    println!("{}", s.ends_with(['e', 'x']));
}
