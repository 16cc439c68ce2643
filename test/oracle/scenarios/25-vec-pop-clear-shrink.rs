// pop and clear never free the buffer; shrink_to_fit reallocates to the length (frees when empty).
fn main() {
    let mut v = vec![1u32, 2, 3, 4, 5, 6];
    v.push(7);
    v.pop();
    v.pop();
    v.shrink_to_fit();
    println!("{:?} {}", v, v.capacity());
    v.clear();
    println!("{}", v.capacity());
    v.shrink_to_fit();
    println!("{}", v.capacity());
}
