// drop(x) ends ownership right away: the block is freed before the next allocation can reuse it.
fn main() {
    let big = String::with_capacity(64);
    println!("big capacity {}", big.capacity());
    drop(big);
    let small = String::from("after drop");
    let numbers = vec![1, 2, 3];
    drop(numbers);
    println!("{}", small);
}
