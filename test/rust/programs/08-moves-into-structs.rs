// Values move into structs, vectors and functions; returning a struct moves it out.
struct Account {
    owner: String,
    history: Vec<i64>,
}

fn open(owner: String) -> Account {
    let mut history = Vec::new();
    history.push(0);
    Account { owner, history }
}

fn deposit(acc: &mut Account, amount: i64) {
    let last = acc.history[acc.history.len() - 1];
    acc.history.push(last + amount);
}

fn main() {
    let name = String::from("Ferris");
    let mut acc = open(name);
    deposit(&mut acc, 50);
    deposit(&mut acc, -20);
    println!("{} {:?}", acc.owner, acc.history);
    let accounts = vec![acc, open(String::from("Corro"))];
    for a in &accounts {
        println!("{} has {} entries", a.owner, a.history.len());
    }
    let pair = (String::from("left"), 2);
    let (text, n) = pair;
    println!("{} {}", text, n);
}
