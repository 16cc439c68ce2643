// to_string: how many bytes std reserves. Observed with rustc 1.95: signed integers reserve the type's
// maximum digit count (+1 when negative), unsigned ones exactly their digits; bool, char and &str exact.
fn main() {
    let a = 42.to_string();
    let b = (-7i64).to_string();
    let c = 255u8.to_string();
    let d = 1.5f64.to_string();
    let e = true.to_string();
    let f = 'x'.to_string();
    let g = "lit".to_string();
    let h = (-42i32).to_string();
    let i = 42i64.to_string();
    let j = 7usize.to_string();
    let k = 12u16.to_string();
    println!("{} {} {} {} {} {} {}", a, b, c, d, e, f, g);
    println!("{} {} {} {} {}", h, i, j, k, h.capacity() + 1000 * i.capacity());
    println!("{} {}", j.capacity(), k.capacity());
    println!("{} {} {} {} {} {} {}", a.capacity(), b.capacity(), c.capacity(), d.capacity(), e.capacity(), f.capacity(), g.capacity());
}
