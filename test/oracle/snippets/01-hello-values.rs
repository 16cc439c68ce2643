// Printing values: {} shows a value for people, {:?} shows it for programmers (strings get quotes).
fn main() {
    println!("Hello, memory!");
    println!("{} {} {} {}", 42, -7, 2.5, true);
    println!("{:?} {:?} {:?}", "quoted", 3, false);
    println!("{} and {:?}", 'c', 1.0);
}
