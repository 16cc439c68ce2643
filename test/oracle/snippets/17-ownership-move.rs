// Moving a String hands over its heap block: no copy, and only the final owner frees it.
fn consume(s: String) -> usize {
    println!("consumed {}", s);
    s.len()
}

fn give_back(s: String) -> String {
    s
}

fn main() {
    let a = String::from("owned");
    let b = a;
    let c = give_back(b);
    let n = consume(c);
    println!("length was {}", n);
    let x = 5;
    let y = x;
    println!("integers are copied: {} {}", x, y);
}
