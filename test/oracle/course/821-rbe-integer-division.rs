// Adapted from: Rust by Example, "Literals and operators" (integer arithmetic; `/` and `%` on signed integers) — https://doc.rust-lang.org/rust-by-example/primitives/literals.html
// teaches: integer `/` truncates toward zero and `%` takes the dividend's sign, on i32 and on i64 values past 32 bits alike; u64 sums and products stay exact past 2^53
fn describe(a: i64, b: i64) -> String {
    format!("{} / {} = {}, {} % {} = {}", a, b, a / b, a, b, a % b)
}

fn main() {
    let pairs: [(i64, i64); 8] = [(7, 2), (-7, 2), (7, -2), (-7, -2), (5_000_000_000, 7), (-5_000_000_000, 7), (-4_000_000_000, -3), (-14_000_000_000, 7)];
    let mut lines: Vec<String> = Vec::new();
    for i in 0..pairs.len() {
        let (a, b) = pairs[i];
        lines.push(describe(a, b));
    }
    for line in &lines {
        println!("{}", line);
    }

    let small: i32 = -2147483647;
    println!("{} {} {}", small / 10, small % 10, (small - 1) / 2);

    // Squares past 2^31 and their remainders, summed in a loop (as a checksum would be).
    let mut total: u64 = 0;
    for i in 3_000_000_000u64..3_000_000_005 {
        let sq = i * i % 1_000_003;
        total += sq;
    }
    println!("checksum {}", total);

    let big: u64 = 9_007_199_254_740_991; // 2^53 - 1
    let past = big + 2;
    println!("{} {} {}", past, past * 3, past / 7);
    let halves: Vec<u64> = vec![past / 2, past % 2, u64::MAX / past];
    println!("{:?}", halves);
}
