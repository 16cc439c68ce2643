// Adapted from: Rust by Example, "Literals and operators" / std char methods (to_digit, to_uppercase) — https://doc.rust-lang.org/rust-by-example/primitives/literals.html
// teaches: char::to_digit with a radix, is_digit, to_ascii_uppercase, to_uppercase as an iterator ('ß' becomes "SS"), collect and to_string
fn main() {
    let hex = "1f A0 zz";
    let mut values = Vec::new();
    for c in hex.chars() {
        if c.is_digit(16) {
            values.push(c.to_digit(16).unwrap());
        } else if c != ' ' {
            println!("{c:?} is not a hex digit: {:?}", c.to_digit(16));
        }
    }
    println!("{values:?}");
    let word = "straße";
    let mut shout = String::new();
    for c in word.chars() {
        for u in c.to_uppercase() {
            shout.push(u);
        }
    }
    println!("{shout} ({} bytes)", shout.len());
    let sharp = 'ß'.to_uppercase().collect::<String>();
    let title = 'ǆ'.to_uppercase().to_string();
    println!("{sharp} {title} {} {}", 'Q'.to_lowercase(), 'é'.to_ascii_uppercase());
    println!("{}", 'a'.to_ascii_uppercase());
}
