// More String methods: + with &str, as_str, clear keeps the capacity, reserve grows once.
fn shout(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    out.push_str(s);
    out.push('!');
    out
}

fn main() {
    let hello = String::from("hello");
    let greeting = hello + " world";
    println!("{} {}", greeting, greeting.len());
    let loud = shout(greeting.as_str());
    println!("{} {}", loud, loud.capacity());
    let mut buf = String::new();
    buf.reserve(10);
    buf.push_str("0123456789");
    println!("{} {}", buf.len(), buf.capacity());
    buf.clear();
    println!("{} {} {}", buf.is_empty(), buf.len(), buf.capacity());
    buf.push_str("again");
    let copy = buf.clone();
    println!("{} {}", copy, copy == "again");
    let mut t = String::from("a");
    t += "bc";
    t += &copy;
    println!("{}", t);
    println!("{:?}", "tab\tquote\"");
}
