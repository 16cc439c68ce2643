// if/else chooses a branch; used as an expression, both branches must give the same type.
fn classify(n: i32) -> i32 {
    if n < 0 {
        -1
    } else if n == 0 {
        0
    } else {
        1
    }
}

fn main() {
    let t = 21;
    let parity = if t % 2 == 0 { "even" } else { "odd" };
    println!("{} is {}", t, parity);
    println!("{} {} {}", classify(-5), classify(0), classify(9));
}
