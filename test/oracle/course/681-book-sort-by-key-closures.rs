// Adapted from: The Rust Programming Language, ch. 13.1 "Moving Captured Values Out of Closures and the Fn Traits" — https://doc.rust-lang.org/book/ch13-01-closures.html
// teaches: sort_by_key calls an FnMut closure twice per comparison (a String key allocates each time); sort_by with cmp and reverse
#[derive(Debug)]
struct Book {
    title: String,
    pages: u32,
}

fn main() {
    let mut shelf = vec![
        Book { title: String::from("Dune"), pages: 412 },
        Book { title: String::from("Emma"), pages: 474 },
        Book { title: String::from("Beloved"), pages: 324 },
        Book { title: String::from("Ulysses"), pages: 730 },
    ];
    let mut key_calls = 0;
    shelf.sort_by_key(|b| {
        key_calls += 1;
        b.title.clone()
    });
    let titles: Vec<&str> = shelf.iter().map(|b| b.title.as_str()).collect();
    println!("by title: {titles:?} ({key_calls} key calls)");
    let mut comparisons = 0;
    shelf.sort_by(|a, b| {
        comparisons += 1;
        b.pages.cmp(&a.pages)
    });
    println!("longest first: {:?} ({comparisons} comparisons)", shelf.iter().map(|b| b.pages).collect::<Vec<_>>());
    shelf.sort_unstable_by_key(|b| b.pages % 100);
    println!("{:?}", shelf[0]);
}
