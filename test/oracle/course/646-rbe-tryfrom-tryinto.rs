// Adapted from: Rust by Example, "TryFrom and TryInto" — https://doc.rust-lang.org/rust-by-example/conversion/try_from_try_into.html
// teaches: impl TryFrom<i32> with type Error = String; T::try_from and x.try_into() with the target written; ? on the result
use std::convert::TryFrom;
use std::convert::TryInto;

#[derive(Debug)]
struct Percent(u8);

impl TryFrom<i32> for Percent {
    type Error = String;
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        if value < 0 || value > 100 {
            Err(format!("{value} is not a percentage"))
        } else {
            Ok(Percent(value as u8))
        }
    }
}

fn half(value: i32) -> Result<u8, String> {
    let p: Percent = Percent::try_from(value)?;
    Ok(p.0 / 2)
}

fn main() {
    println!("{:?} {:?}", Percent::try_from(42), Percent::try_from(-1));
    let made: Result<Percent, String> = 250.try_into();
    match made {
        Ok(p) => println!("made {p:?}"),
        Err(e) => println!("error: {e} ({} bytes)", e.len()),
    }
    for v in [10, 101] {
        println!("half of {v}: {:?}", half(v));
    }
}
