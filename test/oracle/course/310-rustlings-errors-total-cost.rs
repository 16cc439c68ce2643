// Adapted from: rustlings, exercises/13_error_handling/errors2.rs and errors3.rs (total_cost with ?) — https://github.com/rust-lang/rustlings/tree/main/exercises/13_error_handling
// teaches: ? on ParseIntError inside a fn returning Result; main handling both outcomes
use std::num::ParseIntError;

fn total_cost(item_quantity: &str) -> Result<i32, ParseIntError> {
    let processing_fee = 1;
    let cost_per_item = 5;
    let qty = item_quantity.parse::<i32>()?;
    Ok(qty * cost_per_item + processing_fee)
}

fn main() {
    let mut tokens = 100;
    for pretend_user_input in ["8", "beep boop"] {
        match total_cost(pretend_user_input) {
            Ok(cost) => {
                tokens -= cost;
                println!("You now have {tokens} tokens.");
            }
            Err(e) => println!("could not buy {pretend_user_input:?}: {e}"),
        }
    }
}
