// Our own program: char methods (to_digit, to_uppercase, len_utf8) and {:.1?} reaching every element
// teaches: to_uppercase is an iterator of chars; to_digit checks a radix; Debug hands its precision to each item
fn main() {
    let code = "7a9ß";
    let mut digits = Vec::new();
    let mut upper = String::new();
    for c in code.chars() {
        if let Some(d) = c.to_digit(16) {
            digits.push(d);
        }
        for u in c.to_uppercase() {
            upper.push(u);
        }
        println!("{c} is {} bytes", c.len_utf8());
    }
    println!("{digits:?} {upper}");
    let first = 'é'.to_uppercase().to_string();
    println!("{first} {}", 'Z'.to_lowercase());
    let halves: Vec<f64> = digits.iter().map(|d| *d as f64 / 2.0).collect();
    println!("{:.1?} {:>5?}", halves, Some(3));
    let none = 'x'.to_digit(16);
    println!("{none:?} {}", 'f'.is_digit(16));
}
