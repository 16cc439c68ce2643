// Adapted from: Rust by Example, "Alternate/custom key types" — https://doc.rust-lang.org/rust-by-example/std/hash/alt_key_types.html
// teaches: a struct deriving PartialEq, Eq and Hash as a HashMap key; looking up by a struct built from borrowed &str
use std::collections::HashMap;

#[derive(PartialEq, Eq, Hash)]
struct Account<'a> {
    username: &'a str,
    password: &'a str,
}

struct AccountInfo<'a> {
    name: &'a str,
    email: &'a str,
}

type Accounts<'a> = HashMap<Account<'a>, AccountInfo<'a>>;

fn try_logon<'a>(accounts: &Accounts<'a>, username: &'a str, password: &'a str) {
    println!("Username: {}", username);
    let logon = Account { username, password };
    match accounts.get(&logon) {
        Some(info) => println!("Successful logon! Name: {} Email: {}", info.name, info.email),
        _ => println!("Login failed!"),
    }
}

fn main() {
    let mut accounts: Accounts = HashMap::new();
    let account = Account { username: "j.everyman", password: "password123" };
    let info = AccountInfo { name: "John Everyman", email: "j.everyman@email.com" };
    accounts.insert(account, info);
    try_logon(&accounts, "j.everyman", "psasword123");
    try_logon(&accounts, "j.everyman", "password123");
    println!("{} account(s), capacity {}", accounts.len(), accounts.capacity());
}
