// Adapted from: Rust by Example, "while let" — https://doc.rust-lang.org/rust-by-example/flow_control/while_let.html
// teaches: while let over an Option counter, and over a Vec used as a stack (pop until None)
fn main() {
    let mut optional = Some(0);
    while let Some(i) = optional {
        if i > 9 {
            println!("Greater than 9, quit!");
            optional = None;
        } else {
            println!("`i` is `{:?}`. Try again.", i);
            optional = Some(i + 3);
        }
    }
    let mut stack = Vec::new();
    for word in ["one", "two", "three"] {
        stack.push(word.to_string());
    }
    while let Some(top) = stack.pop() {
        println!("{top}");
    }
    println!("left: {}, cap {}", stack.len(), stack.capacity());
}
