// drop(x) frees at the call, before later allocations, not at the end of the scope.
fn main() {
    let a = String::from("first");
    let b = String::from("second!");
    drop(a);
    let c = String::from("third");
    println!("{} {}", b, c);
}
