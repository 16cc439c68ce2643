// Adapted from: Rust by Example, "for and iterators" — https://doc.rust-lang.org/rust-by-example/flow_control/for.html
// teaches: iter() borrows, iter_mut() changes in place, into_iter() consumes the Vec
fn main() {
    let names = vec![String::from("Bob"), String::from("Frank"), String::from("Ferris")];
    for name in names.iter() {
        match name.as_str() {
            "Ferris" => println!("There is a rustacean among us!"),
            _ => println!("Hello {}", name),
        }
    }
    let mut names = names;
    for name in names.iter_mut() {
        if name == "Ferris" {
            *name = String::from("There is a rustacean among us!");
        } else {
            name.push_str("!");
        }
    }
    println!("names: {:?}", names);
    for name in names.into_iter() {
        if name.len() > 10 {
            println!("long: {name}");
        }
    }
}
