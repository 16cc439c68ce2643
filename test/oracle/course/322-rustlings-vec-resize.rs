// Adapted from: rustlings, exercises/05_vecs and std Vec docs (resize, extend_from_slice, truncate) — https://doc.rust-lang.org/std/vec/struct.Vec.html#method.resize
// teaches: resize grows (reallocating) or shrinks (never freeing); extend_from_slice; swap; split_off allocates the tail
fn main() {
    let mut v = vec![1, 2, 3];
    v.resize(6, 0);
    println!("{v:?} cap {}", v.capacity());
    v.resize(2, 9);
    println!("{v:?} cap {}", v.capacity());
    v.extend_from_slice(&[7, 8, 9, 10]);
    v.swap(0, 5);
    let tail = v.split_off(3);
    println!("{v:?} {tail:?} cap {} {}", v.capacity(), tail.capacity());
    let mut words = vec![String::from("a")];
    words.resize(3, String::from("b"));
    println!("{words:?}");
}
