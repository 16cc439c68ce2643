// Adapted from: The Rust Programming Language, ch. 13.1 "Capturing References or Moving Ownership" and "sort_by_key" — https://doc.rust-lang.org/book/ch13-01-closures.html
// teaches: closures borrowing immutably, mutably, and by move; FnMut counting calls in sort_by_key
#[derive(Debug)]
struct Rectangle {
    width: u32,
    height: u32,
}

fn main() {
    let list = vec![1, 2, 3];
    let only_borrows = || println!("From closure: {list:?}");
    only_borrows();
    let mut list2 = vec![1, 2, 3];
    let mut borrows_mutably = || list2.push(7);
    borrows_mutably();
    println!("After calling closure: {list2:?}");
    let moved = move || list2.len();
    println!("moved closure sees {}", moved());
    let mut rects = vec![
        Rectangle { width: 10, height: 1 },
        Rectangle { width: 3, height: 5 },
        Rectangle { width: 7, height: 12 },
    ];
    let mut num_sort_operations = 0;
    rects.sort_by_key(|r| {
        num_sort_operations += 1;
        r.width
    });
    println!("{rects:#?}, sorted in {num_sort_operations} operations");
}
