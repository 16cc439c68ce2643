// Building text in a loop: each format! makes a temporary String that push_str copies, then frees.
fn main() {
    let mut csv = String::new();
    for i in 1..=5 {
        let cell = format!("{};", i * 11);
        csv.push_str(&cell);
    }
    println!("{} (len {}, capacity {})", csv, csv.len(), csv.capacity());
}
