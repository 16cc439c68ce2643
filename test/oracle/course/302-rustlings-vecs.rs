// Adapted from: rustlings, exercises/05_vecs (vec_loop, vec_map) — https://github.com/rust-lang/rustlings/tree/main/exercises/05_vecs
// teaches: doubling elements in place with iter_mut and into a new Vec with map().collect()
fn vec_loop(input: &[i32]) -> Vec<i32> {
    let mut output = Vec::new();
    for element in input {
        output.push(2 * element);
    }
    output
}

fn vec_map(input: &[i32]) -> Vec<i32> {
    input.iter().map(|element| element * 2).collect()
}

fn main() {
    let array = [10, 20, 30, 40];
    let v = array.to_vec();
    let mut w = v.clone();
    for x in w.iter_mut() {
        *x += 1;
    }
    println!("{:?} {:?} {:?}", vec_loop(&v), vec_map(&array), w);
}
