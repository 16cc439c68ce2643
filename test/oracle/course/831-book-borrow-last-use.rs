// Adapted from: The Rust Programming Language, ch. 4.2 "References and Borrowing" (a reference's scope ends at its last use) and ch. 8.1 "Storing Lists of Values with Vectors" (`let first = &v[0]; v.push(6);`) — https://doc.rust-lang.org/book/ch04-02-references-and-borrowing.html
// teaches: a borrow ends at its holder's last use, so a push after the last read of `&v[0]`, of a copy of `&v`, or of `if let Some(x) = v.first()` compiles; `v.push(v.len())` and `v.push(*first)` compile too (the `&mut v` is taken after the arguments)
fn main() {
    let mut scores: Vec<usize> = vec![10, 20, 30];
    let first = &scores[0];
    println!("first score: {}", first);
    scores.push(40);

    let view = &scores;
    let copy = view;
    println!("{} scores, the copy sees {}", view.len(), copy.len());
    scores.push(scores.len());

    let top = &scores[1];
    scores.push(*top);
    scores.insert(0, scores[4]);

    if let Some(last) = scores.last() {
        println!("last before: {}", last);
    }
    scores.push(99);
    match scores.get(2) {
        Some(s) => println!("third: {}", s),
        None => println!("fewer than three"),
    }
    scores.truncate(5);
    let Some(smallest) = scores.iter().min() else { return; };
    println!("smallest: {}", smallest);
    scores.clear();
    println!("{:?} (capacity {})", scores, scores.capacity());
}
