// Adapted from: The Rust Programming Language, ch. 6.3 "Staying on the 'Happy Path' with let...else" — https://doc.rust-lang.org/book/ch06-03-if-let.html
// teaches: let-else returning early; methods on an enum; building the description with format!
#[derive(Debug)]
enum UsState {
    Alabama,
    Alaska,
}

impl UsState {
    fn existed_in(&self, year: u16) -> bool {
        match self {
            UsState::Alabama => year >= 1819,
            UsState::Alaska => year >= 1959,
        }
    }
}

enum Coin {
    Penny,
    Quarter(UsState),
}

fn describe_state_quarter(coin: Coin) -> Option<String> {
    let Coin::Quarter(state) = coin else {
        return None;
    };
    if state.existed_in(1900) {
        Some(format!("{state:?} is pretty old, for America!"))
    } else {
        Some(format!("{state:?} is relatively new."))
    }
}

fn main() {
    println!("{:?}", describe_state_quarter(Coin::Quarter(UsState::Alabama)));
    println!("{:?}", describe_state_quarter(Coin::Quarter(UsState::Alaska)));
    println!("{:?}", describe_state_quarter(Coin::Penny));
}
