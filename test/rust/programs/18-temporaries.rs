// Temporaries live until the end of their statement; assignment frees the old value after the new one exists.
fn make(n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        s.push('z');
    }
    s
}

fn main() {
    let n = String::from("abc").len();
    println!("{} {}", n, make(3) + "!");
    let mut s = String::from("old value");
    s = String::from("new");
    println!("{}", s);
    let mut v = vec![String::from("a"), String::from("b")];
    v[0] = String::from("replaced");
    println!("{:?}", v);
    let mut b = Box::new(String::from("inside"));
    *b = make(2);
    println!("{}", b);
    println!("{}", make(4).len() + make(5).capacity());
    let joined = make(1) + &make(2) + &s;
    println!("{}", joined);
}
