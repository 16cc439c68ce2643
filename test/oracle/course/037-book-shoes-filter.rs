// Adapted from: The Rust Programming Language, ch. 13.2 "Using Closures That Capture Their Environment" (shoes_in_size) — https://doc.rust-lang.org/book/ch13-02-iterators.html
// teaches: into_iter().filter(closure capturing shoe_size).collect(); filter gives no size hint, so the Vec grows
#[derive(PartialEq, Debug)]
struct Shoe {
    size: u32,
    style: String,
}

fn shoes_in_size(shoes: Vec<Shoe>, shoe_size: u32) -> Vec<Shoe> {
    shoes.into_iter().filter(|s| s.size == shoe_size).collect()
}

fn main() {
    let shoes = vec![
        Shoe { size: 10, style: String::from("sneaker") },
        Shoe { size: 13, style: String::from("sandal") },
        Shoe { size: 10, style: String::from("boot") },
    ];
    let in_my_size = shoes_in_size(shoes, 10);
    println!("{in_my_size:?}");
}
