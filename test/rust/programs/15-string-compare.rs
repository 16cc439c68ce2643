// Comparing Strings and &str by value; min/max, abs and pow on integers.
fn bigger<'a>(a: &'a String, b: &'a String) -> bool {
    a > b
}

fn main() {
    let a = String::from("apple");
    let b = String::from("banana");
    println!("{} {} {}", a == b, a < b, a == "apple");
    let n: i32 = -12;
    println!("{} {} {}", n.abs(), n.pow(2), 7.max(3));
    let big = 2u64.pow(40);
    println!("{} {}", big, 10i32.min(-4));
}
