// Adapted from: Comprehensive Rust, "Rc" (shared ownership, counts) — https://google.github.io/comprehensive-rust/smart-pointers/rc.html
// teaches: Rc::try_unwrap gives the value back only to the last owner (Err(rc) while shared); a Weak keeps the RcBox allocated but not the value
use std::rc::Rc;

#[derive(Debug)]
struct Report {
    title: String,
    pages: Vec<u32>,
}

fn main() {
    let report = Rc::new(Report { title: String::from("q3"), pages: vec![1, 2, 3] });
    let reader = Rc::clone(&report);
    let report = match Rc::try_unwrap(report) {
        Ok(r) => {
            println!("unexpected: {:?}", r);
            return;
        }
        Err(still_shared) => still_shared,
    };
    println!("shared by {}: {}", Rc::strong_count(&report), reader.title);
    drop(reader);
    let watcher = Rc::downgrade(&report);
    let owned = Rc::try_unwrap(report).expect("last owner");
    println!("owned {} with {} pages; watcher sees {:?}", owned.title, owned.pages.len(), watcher.upgrade().map(|r| r.pages.len()));
    drop(watcher);
    println!("{:?}", owned);
}
