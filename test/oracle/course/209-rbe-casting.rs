// Adapted from: Rust by Example, "Casting" — https://doc.rust-lang.org/rust-by-example/types/cast.html
// teaches: `as` between integers wraps, float to int saturates, u8 as char; results collected into a Vec
fn main() {
    let decimal = 65.4321_f32;
    let integer = decimal as u8;
    let character = integer as char;
    println!("Casting: {} -> {} -> {}", decimal, integer, character);
    let thousand = 1000i32;
    let minus_one = -1i32;
    let big = 128i32;
    let casts: Vec<i64> = vec![thousand as u16 as i64, minus_one as u8 as i64, thousand as u8 as i64, big as i8 as i64, 300.0_f32 as u8 as i64, -100.0_f32 as u8 as i64];
    println!("{casts:?}");
    let b = 232u8;
    println!("{} {} {}", f32::NAN as u8, b as i8, (-1i64) as usize);
}
