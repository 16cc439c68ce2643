// Adapted from: Rust by Example, "Boxing errors" — https://doc.rust-lang.org/rust-by-example/error/multiple_error_types/boxing_errors.html
// teaches: impl Error for a program enum (Display + Debug); ? boxes it into Box<dyn Error> (an allocation); Display through the box
use std::error::Error;
use std::fmt;

#[derive(Debug)]
enum BankError {
    Overdrawn { needed: u64 },
    Frozen,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BankError::Overdrawn { needed } => write!(f, "overdrawn: need {} more", needed),
            BankError::Frozen => write!(f, "account frozen"),
        }
    }
}

impl Error for BankError {}

fn withdraw(balance: u64, amount: u64) -> Result<u64, BankError> {
    if balance == 0 {
        return Err(BankError::Frozen);
    }
    if amount > balance { Err(BankError::Overdrawn { needed: amount - balance }) } else { Ok(balance - amount) }
}

fn twice(balance: u64, amount: u64) -> Result<u64, Box<dyn Error>> {
    let once = withdraw(balance, amount)?;
    let left = withdraw(once, amount)?;
    Ok(left)
}

fn main() {
    for (b, a) in [(100, 30), (50, 40), (0, 1)] {
        match twice(b, a) {
            Ok(left) => println!("left {left}"),
            Err(e) => println!("error: {e}"),
        }
    }
    let e: Box<dyn Error> = Box::new(BankError::Frozen);
    println!("{} / {:?}", e, e);
}
