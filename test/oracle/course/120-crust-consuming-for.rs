// Adapted from: Comprehensive Rust, "IntoIterator" — https://google.github.io/comprehensive-rust/iterators/intoiterator.html
// teaches: `for x in v` consumes the Vec and moves each item out: the item may be moved on into another Vec
fn main() {
    let names = vec![String::from("ann"), String::from("bob"), String::from("cy")];
    let mut long = Vec::new();
    let mut short = Vec::new();
    for name in names {
        if name.len() > 2 {
            long.push(name);
        } else {
            short.push(name);
        }
    }
    println!("long {long:?} short {short:?}");
    for s in &long {
        print!("{s} ");
    }
    println!();
}
