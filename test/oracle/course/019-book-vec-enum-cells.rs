// Adapted from: The Rust Programming Language, ch. 8.1 "Using an Enum to Store Multiple Types" — https://doc.rust-lang.org/book/ch08-01-vectors.html
// teaches: a Vec of an enum whose Text variant owns a String; the Vec frees each String then its buffer
#[derive(Debug)]
enum SpreadsheetCell {
    Int(i32),
    Float(f64),
    Text(String),
}

fn main() {
    let row = vec![
        SpreadsheetCell::Int(3),
        SpreadsheetCell::Text(String::from("blue")),
        SpreadsheetCell::Float(10.12),
    ];
    for cell in &row {
        match cell {
            SpreadsheetCell::Int(i) => println!("int {i}"),
            SpreadsheetCell::Float(f) => println!("float {f}"),
            SpreadsheetCell::Text(s) => println!("text {s}"),
        }
    }
    println!("{row:?}");
}
