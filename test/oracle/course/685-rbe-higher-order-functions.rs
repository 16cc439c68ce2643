// Adapted from: Rust by Example, "Higher Order Functions" — https://doc.rust-lang.org/rust-by-example/fn/hof.html
// teaches: the same sum written as a loop and as (0..).map().take_while().filter().sum(); fold and a closure over a captured limit
fn is_odd(n: u32) -> bool {
    n % 2 == 1
}

fn main() {
    let upper = 1000;
    let mut acc = 0;
    for n in 0.. {
        let n_squared = n * n;
        if n_squared >= upper {
            break;
        } else if is_odd(n_squared) {
            acc += n_squared;
        }
    }
    println!("imperative style: {}", acc);
    let sum_of_squared_odd_numbers: u32 = (0..).map(|n| n * n).take_while(|&n_squared| n_squared < upper).filter(|&n_squared| is_odd(n_squared)).sum();
    println!("functional style: {}", sum_of_squared_odd_numbers);
    let product = (1..=5u64).fold(1, |p, n| p * n);
    let squares: Vec<u32> = (1..=6).map(|n| n * n).filter(|n| n % 3 != 0).collect();
    println!("5! = {product}, squares not divisible by 3: {squares:?} (capacity {})", squares.capacity());
}
