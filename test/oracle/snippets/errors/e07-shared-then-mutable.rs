// expect: rustc error E0502 at line 6
// Pushing may reallocate the buffer, so a Vec cannot be mutated while a shared reference into it is alive.
fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4);
    println!("{}", first);
}
