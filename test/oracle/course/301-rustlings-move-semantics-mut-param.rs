// Adapted from: rustlings, exercises/06_move_semantics (fill_vec) — https://github.com/rust-lang/rustlings/tree/main/exercises/06_move_semantics
// teaches: a `mut` parameter takes ownership of the Vec and grows it; the caller gets it back
fn fill_vec(mut vec: Vec<i32>) -> Vec<i32> {
    vec.push(88);
    vec
}

fn bump(mut n: u32, times: u32) -> u32 {
    for _ in 0..times {
        n += 2;
    }
    n
}

fn main() {
    let vec0 = vec![22, 44, 66];
    let vec1 = fill_vec(vec0);
    println!("{:?} len {} cap {}", vec1, vec1.len(), vec1.capacity());
    let vec2 = fill_vec(vec1.clone());
    println!("{vec2:?} {}", bump(1, 3));
}
