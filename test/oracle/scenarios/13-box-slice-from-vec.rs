// into_boxed_slice shrinks the buffer to the length first (a realloc when capacity > length).
fn main() {
    let mut v: Vec<i32> = Vec::new();
    for i in 0..5 {
        v.push(i);
    }
    let b: Box<[i32]> = v.into_boxed_slice();
    println!("{:?} {}", b, b.len());
    let exact: Box<[i32]> = vec![7, 8, 9].into_boxed_slice();
    println!("{:?}", exact);
}
