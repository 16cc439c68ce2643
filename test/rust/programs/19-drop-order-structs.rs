// A struct drops its fields in declaration order; a function's locals drop before its parameters.
struct Pair {
    first: String,
    second: Vec<u16>,
}

fn consume(p: Pair, extra: String) -> usize {
    let local = String::from("local");
    p.first.len() + extra.len() + local.len() + p.second.len()
}

fn main() {
    let a = Pair { first: String::from("aaaa"), second: vec![1, 2, 3] };
    let b = Pair { second: vec![9], first: String::from("bb") };
    println!("{}", consume(a, String::from("xyz")));
    let mut v = Vec::new();
    v.push(b);
    v.push(Pair { first: String::from("c"), second: Vec::new() });
    v.truncate(1);
    println!("{}", v.len());
}
