// Cloning a Vec<String> allocates the outer buffer (len elements) then each string in order.
fn main() {
    let mut v = Vec::new();
    v.push(String::from("one"));
    v.push(String::from("three"));
    let w = v.clone();
    println!("{:?} {:?}", v, w);
}
