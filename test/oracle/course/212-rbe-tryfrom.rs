// Adapted from: Rust by Example, "TryFrom and TryInto" — https://doc.rust-lang.org/rust-by-example/conversion/try_from_try_into.html
// teaches: impl TryFrom<i32> with an associated Error type; try_into(); collecting the Ok results
use std::convert::TryFrom;
use std::convert::TryInto;

#[derive(Debug, PartialEq)]
struct EvenNumber(i32);

impl TryFrom<i32> for EvenNumber {
    type Error = ();
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        if value % 2 == 0 { Ok(EvenNumber(value)) } else { Err(()) }
    }
}

fn main() {
    assert_eq!(EvenNumber::try_from(8), Ok(EvenNumber(8)));
    assert_eq!(EvenNumber::try_from(5), Err(()));
    let result: Result<EvenNumber, ()> = 8i32.try_into();
    println!("{result:?}");
    let evens: Vec<EvenNumber> = (1..=6).filter_map(|n| EvenNumber::try_from(n).ok()).collect();
    println!("{evens:?}");
}
