// Euclid's gcd by recursion, and primes by trial division with nested while loops.
fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}

fn main() {
    println!("gcd {}", gcd(84, 36));
    let mut primes = Vec::new();
    for n in 1..30 {
        if is_prime(n) {
            primes.push(n);
        }
    }
    println!("{} primes, the last {}", primes.len(), primes[primes.len() - 1]);
}
