// expect: rustc error E0599 at line 5
// Vec has no method `add`; the method to append an element is `push`.
fn main() {
    let mut v = Vec::new();
    v.add(3);
    println!("{}", v.len());
}
