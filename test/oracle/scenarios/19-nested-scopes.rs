// Locals drop in reverse order of declaration, inner scopes first.
fn main() {
    let outer1 = String::from("o1");
    let outer2 = String::from("outer2");
    {
        let inner1 = String::from("i");
        let inner2 = String::from("inner-22");
        println!("{} {}", inner1, inner2);
    }
    println!("{} {}", outer1, outer2);
}
