// Integer and float arithmetic, remainder, comparisons and boolean logic: all values live on the stack.
fn main() {
    let a = 17;
    let b = 5;
    println!("{} {} {} {} {}", a + b, a - b, a * b, a / b, a % b);
    let x = 7.5;
    let y = 2.0;
    println!("{} {} {}", x * y, x / y, x - y);
    println!("{} {} {}", a > b, a == b, a != b);
    println!("{} {}", a > 10 && b > 10, a > 10 || b > 10);
    println!("{}", !(a < b));
}
