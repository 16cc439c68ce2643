// expect: rustc error E0382 at line 6
// Using a String after it was moved: the heap block now belongs to `b`, so `a` may not read it.
fn main() {
    let a = String::from("gone");
    let b = a;
    println!("{} {}", a, b);
}
