// Adapted from: The Rust Programming Language, ch. 6.2 "Patterns That Bind to Values" and ch. 6.3 "if let" — https://doc.rust-lang.org/book/ch06-03-if-let.html
// teaches: match arms binding enum payloads, if let / else, counting into a String report
#[derive(Debug)]
enum UsState {
    Alabama,
    Alaska,
}

enum Coin {
    Penny,
    Nickel,
    Dime,
    Quarter(UsState),
}

fn value_in_cents(coin: &Coin) -> u8 {
    match coin {
        Coin::Penny => 1,
        Coin::Nickel => 5,
        Coin::Dime => 10,
        Coin::Quarter(state) => {
            println!("State quarter from {state:?}!");
            25
        }
    }
}

fn main() {
    let coins = vec![Coin::Penny, Coin::Quarter(UsState::Alaska), Coin::Dime, Coin::Nickel, Coin::Quarter(UsState::Alabama)];
    let mut total = 0u32;
    let mut count = 0;
    let mut report = String::new();
    for coin in &coins {
        total += value_in_cents(coin) as u32;
        if let Coin::Quarter(state) = coin {
            report.push_str(&format!("{state:?} "));
        } else {
            count += 1;
        }
    }
    println!("total {total}, non-quarters {count}, quarters from: {report}");
}
