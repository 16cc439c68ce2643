// Adapted from: Comprehensive Rust, "Borrow Checking" (the borrow checker accepts exclusive references to different fields of a struct at the same time) — https://google.github.io/comprehensive-rust/borrowing/borrowck.html
// teaches: inside a `&mut self` method, borrowing one field (`&self.items[0]`, `for x in &mut self.items`) leaves the other fields free to change; a `&mut` parameter passed on is reborrowed, not moved
struct Inventory {
    items: Vec<String>,
    log: Vec<String>,
    changes: u32,
}

impl Inventory {
    fn add(&mut self, name: &str) {
        self.items.push(name.to_string());
        self.changes += 1;
    }

    fn audit(&mut self) {
        let first = &self.items[0];
        self.log.push(format!("first is {}", first));
        self.changes += 1;
        for item in &mut self.items {
            item.push('!');
            self.changes += 1;
        }
        let count = self.items.len();
        self.log.push(format!("{} items", count));
    }
}

fn restock(names: &mut Vec<String>, extra: &str) {
    names.push(extra.to_string());
}

fn restock_twice(names: &mut Vec<String>) {
    restock(names, "bolts");
    restock(names, "nuts");
    let again = &mut *names;
    again.push(String::from("washers"));
    println!("{} names after restocking", names.len());
}

fn main() {
    let mut inv = Inventory { items: Vec::new(), log: Vec::new(), changes: 0 };
    inv.add("gears");
    inv.add("springs");
    inv.audit();
    restock_twice(&mut inv.items);
    println!("{:?}", inv.items);
    println!("{:?} after {} changes", inv.log, inv.changes);
}
