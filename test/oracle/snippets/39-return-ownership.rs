// A function can create a String and return it: ownership moves out to the caller, nothing is copied.
fn make_greeting(name: &String) -> String {
    let mut g = String::from("Hello, ");
    g.push_str(name);
    g.push('!');
    g
}

fn main() {
    let name = String::from("Ferris");
    let greeting = make_greeting(&name);
    println!("{}", greeting);
    println!("{} {}", greeting.len(), greeting.capacity());
}
