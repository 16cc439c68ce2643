// Dropping a Vec<String> frees each string in index order, then the Vec's buffer.
fn main() {
    let v = vec![String::from("a"), String::from("bb"), String::from("ccc")];
    println!("{}", v.len());
}
