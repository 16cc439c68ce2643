// Casts between number types truncate or convert; wide integers keep every digit.
fn main() {
    let big: i64 = 3_000_000_000;
    let small = big as i32;
    let wide = 300;
    let byte = wide as u8;
    let neg = -1i32 as u32;
    let f = 7.9_f64 as i32;
    let c = 'A' as u8 + 2;
    let letter = c as char;
    println!("{} {} {} {} {} {}", small, byte, neg, f, c, letter);
    let mut x: u64 = 1;
    for _ in 0..63 {
        x = x * 2;
    }
    println!("{} {}", x, x as f64);
    let m: i128 = 170141183460469231731687303715884105727;
    println!("{} {}", m, (m / 3) % 1000);
    let avg = (3 + 4) as f64 / 2.0;
    println!("{} {:?} {}", avg, 1.0f32 / 3.0, -0.5f64);
    println!("{} {}", 17 / 5, -17 % 5);
}
