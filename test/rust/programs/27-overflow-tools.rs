// Integer limits and the explicit overflow tools: wrapping, checked and saturating arithmetic; mem::swap; chars.
fn main() {
    println!("{} {} {} {}", i32::MAX, i32::MIN, u8::MAX, u64::MAX);
    println!("{} {}", i64::MIN, usize::BITS);
    let x: u8 = 250;
    println!("{} {} {}", x.wrapping_add(10), x.saturating_add(10), x.wrapping_sub(251));
    println!("{:?} {:?}", x.checked_add(5), x.checked_add(6));
    let big = i32::MAX;
    println!("{:?} {} {}", big.checked_mul(2), big.saturating_mul(2), big.wrapping_add(1));
    println!("{:?}", 10i32.checked_div(0));
    let mut a = String::from("left");
    let mut b = String::from("right side");
    std::mem::swap(&mut a, &mut b);
    println!("{} {}", a, b);
    let mut vowels = 0;
    for c in b.chars() {
        if c == 'e' || c == 'i' {
            vowels += 1;
        }
    }
    let word = String::from("héllo");
    let mut sum = 0u32;
    for byte in word.bytes() {
        sum += byte as u32;
    }
    println!("{} {} {} {}", vowels, word.chars().count(), word.len(), sum);
    println!("{} {}", f64::MAX > 1e300, f64::EPSILON < 1e-10);
}
