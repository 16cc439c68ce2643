// expect: outside subset (rustc accepts): threads
// Valid Rust: closures run now (also moved into another function), but a thread spawned with one
// is outside the subset the interpreter runs.
fn main() {
    let factor = 3;
    let handle = std::thread::spawn(move || factor * 2);
    println!("{}", handle.join().unwrap());
}
