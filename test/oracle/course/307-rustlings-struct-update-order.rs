// Adapted from: rustlings, exercises/07_structs/structs2.rs (Order from a template) — https://github.com/rust-lang/rustlings/tree/main/exercises/07_structs
// teaches: struct update syntax with ..template.clone(): the unnamed String fields are cloned
#[derive(Debug, Clone)]
struct Order {
    name: String,
    year: u32,
    made_by_phone: bool,
    made_by_mobile: bool,
    made_by_email: bool,
    item_number: u32,
    count: u32,
}

fn create_order_template() -> Order {
    Order {
        name: String::from("Bob"),
        year: 2019,
        made_by_phone: false,
        made_by_mobile: false,
        made_by_email: true,
        item_number: 123,
        count: 0,
    }
}

fn main() {
    let order_template = create_order_template();
    let your_order = Order { name: String::from("Hacker in Rust"), count: 1, ..order_template.clone() };
    let copy = Order { count: 5, ..order_template.clone() };
    println!("{} {} {} {}", your_order.name, your_order.year, your_order.made_by_email, your_order.count);
    println!("{:?}", copy);
    println!("{} {} {}", order_template.made_by_phone, order_template.made_by_mobile, order_template.item_number);
}
