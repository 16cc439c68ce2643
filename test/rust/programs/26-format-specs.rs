// Format specs: precision for floats (rounded half to even), width, alignment, fill, sign and zero padding.
fn main() {
    let avg = 2.0 / 3.0;
    println!("{:.2} {:.0} {:.0} {:.3} {:.1}", avg, 2.5, 3.5, 0.125, -0.04);
    println!("[{:>6}] [{:<6}] [{:^7}] [{:*^9}]", 42, "ab", "mid", "x");
    println!("[{:05}] [{:+}] [{:+.1}] [{:08.3}] [{:>8.2}]", -42, 7, 1.25, -3.14159, 2.0f32 / 3.0);
    let name = "Ferris";
    let width = format!("{:>10}|", name);
    let money = format!("{:.2} EUR", 1234.5);
    let table = format!("{:<8}{:>8}", "item", 3);
    let short = format!("{:.3}", "truncate");
    println!("{} {} {} {}", width, money, table, short);
    println!("{} {} {} {}", width.capacity(), money.capacity(), table.capacity(), short.capacity());
    println!("{:?} {:>5?} {:>6?}", Some(1.5), 'c', 2.5);
}
