// Adapted from: Rust by Example, "Derive" (comparison traits) — https://doc.rust-lang.org/rust-by-example/trait/derive.html
// teaches: derived PartialOrd/Ord order structs field by field and enums by variant then payload; cmp gives std::cmp::Ordering; max/min move
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Centimeters(u32);

#[derive(Debug, PartialEq, PartialOrd)]
struct Inches {
    whole: i32,
    frac: f64,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Size {
    Small,
    Medium(u8),
    Large { extra: u8 },
}

fn describe(o: Ordering) -> &'static str {
    match o {
        Ordering::Less => "shorter",
        Ordering::Equal => "the same",
        Ordering::Greater => "taller",
    }
}

fn main() {
    let a = Centimeters(180);
    let b = Centimeters(175);
    println!("a is {} than b ({:?})", describe(a.cmp(&b)), a.cmp(&b));
    println!("max {:?} min {:?}", a.max(b), a.min(b));
    let x = Inches { whole: 5, frac: 0.5 };
    let y = Inches { whole: 5, frac: f64::NAN };
    println!("{} {} {:?} {:?}", x < y, x >= y, x.partial_cmp(&y), x.partial_cmp(&Inches { whole: 6, frac: 0.0 }));
    println!("{} {} {}", Size::Small < Size::Medium(0), Size::Medium(9) < Size::Large { extra: 0 }, Size::Large { extra: 2 } > Size::Large { extra: 1 });
    println!("{:?}", Size::Medium(3).cmp(&Size::Medium(3)));
    println!("{} {} {}", (1, 'b') < (1, 'c'), Some(0) > None, (2, Some(1)) <= (2, None));
    let names = (String::from("pear"), String::from("apple"));
    println!("{}", names.0 > names.1);
    let first = names.0.min(names.1);
    println!("first: {first}");
}
