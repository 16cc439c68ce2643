// Adapted from: Comprehensive Rust, "Standard Library Types: Option" and "Result" — https://google.github.io/comprehensive-rust/std-types/option.html
// teaches: find returning Option<usize>, unwrap_or, expect; a Result from a fallible parse
fn main() {
    let name = String::from("Löwe 老虎 Léopard Gepardi");
    let mut position: Option<usize> = name.find('é');
    println!("find returned {position:?}");
    assert_eq!(position.unwrap(), 14);
    position = name.find('Z');
    println!("find returned {position:?} -> {}", position.unwrap_or(0));
    let numbers: Vec<Result<u8, _>> = ["12", "300", "7"].iter().map(|s| s.parse::<u8>()).collect();
    for n in &numbers {
        match n {
            Ok(v) => println!("ok {v}"),
            Err(e) => println!("error {e}"),
        }
    }
}
