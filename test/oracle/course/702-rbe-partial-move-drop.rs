// Adapted from: Rust by Example, "Partial moves" — https://doc.rust-lang.org/rust-by-example/scope/move/partial_move.html
// teaches: a pattern moves some fields out (by value) and borrows others (ref); the rest stays in the variable, usable by field, and is dropped at its scope end
#[derive(Debug)]
struct Book {
    title: String,
    author: String,
    notes: Vec<String>,
    year: u32,
}

fn main() {
    let book = Book {
        title: String::from("Dune"),
        author: String::from("Frank Herbert"),
        notes: vec![String::from("desert"), String::from("spice")],
        year: 1965,
    };
    // title moves out; author is borrowed; notes and year stay in `book`.
    let Book { title, ref author, .. } = book;
    println!("{title} by {author}, {} notes, {}", book.notes.len(), book.year);
    let first_note = book.notes;
    println!("{first_note:?}");
    let pair = (String::from("left"), String::from("right"), 7);
    {
        let (ref l, _, n) = pair;
        println!("{l} {n}");
    }
    let (left, ..) = pair;
    println!("{left} and {} remain", pair.1);
}
