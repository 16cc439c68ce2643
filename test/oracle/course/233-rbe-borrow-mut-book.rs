// Adapted from: Rust by Example, "Mutability" (borrowing) — https://doc.rust-lang.org/rust-by-example/scope/borrow/mut.html
// teaches: &Book vs &mut Book parameters; Copy structs with &'static str fields; a Vec of editions
#[allow(dead_code)]
#[derive(Clone, Copy, Debug)]
struct Book {
    author: &'static str,
    title: &'static str,
    year: u32,
}

fn borrow_book(book: &Book) {
    println!("I immutably borrowed {} - {} edition", book.title, book.year);
}

fn new_edition(book: &mut Book) {
    book.year = 2014;
    println!("I mutably borrowed {} - {} edition", book.title, book.year);
}

fn main() {
    let immutabook = Book { author: "Douglas Hofstadter", title: "Gödel, Escher, Bach", year: 1979 };
    let mut mutabook = immutabook;
    borrow_book(&immutabook);
    borrow_book(&mutabook);
    new_edition(&mut mutabook);
    let editions = vec![immutabook, mutabook];
    println!("{:?}", editions.iter().map(|b| b.year).collect::<Vec<_>>());
}
