// for over a range: a..b excludes b, a..=b includes it. The loop variable is a fresh copy each time.
fn main() {
    let mut sum = 0;
    for i in 1..=10 {
        sum += i;
    }
    println!("1 + ... + 10 = {}", sum);
    let mut evens = 0;
    for i in 0..20 {
        if i % 2 == 0 {
            evens += 1;
        }
    }
    println!("{} even numbers below 20", evens);
}
