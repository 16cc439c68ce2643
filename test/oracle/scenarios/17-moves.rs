// A move copies the (ptr, len, cap) triple: no allocation, and only the last owner frees.
fn take(s: String) -> String {
    s
}

fn main() {
    let a = String::from("moved");
    let b = a;
    let c = take(b);
    let v = vec![c];
    println!("{:?}", v);
}
