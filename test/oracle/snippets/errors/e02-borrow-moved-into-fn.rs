// expect: rustc error E0382 at line 10
// Passing a String by value moves it into the function; borrowing it afterwards is an error.
fn consume(s: String) -> usize {
    s.len()
}

fn main() {
    let s = String::from("moved");
    let n = consume(s);
    let r = &s;
    println!("{} {}", n, r);
}
