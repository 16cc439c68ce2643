// while repeats while a condition holds; loop repeats until break, and break can return a value.
fn main() {
    let mut n = 1;
    while n < 100 {
        n = n * 3;
    }
    println!("first power of 3 over 100: {}", n);
    let mut count = 0;
    let found = loop {
        count += 1;
        if count * count > 50 {
            break count;
        }
    };
    println!("smallest square over 50 comes from {}", found);
}
