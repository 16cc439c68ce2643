// Adapted from: rustlings, exercises/12_options (options3.rs: match by reference) and the Book's ch. 18 binding modes — https://github.com/rust-lang/rustlings/tree/main/exercises/12_options
// teaches: matching on &mut binds `&mut` references: pushing to a String and bumping a count through the bindings
#[derive(Debug)]
enum Slot {
    Empty,
    Named(String, u32),
}

fn touch(slot: &mut Slot) {
    match slot {
        Slot::Named(name, visits) => {
            name.push_str("!");
            *visits += 1;
        }
        Slot::Empty => *slot = Slot::Named(String::from("new"), 0),
    }
}

fn main() {
    let mut slots = vec![Slot::Empty, Slot::Named(String::from("ann"), 2)];
    for slot in slots.iter_mut() {
        touch(slot);
    }
    touch(&mut slots[1]);
    let mut maybe = Some(String::from("opt"));
    if let Some(s) = &mut maybe {
        s.push_str("ional");
    }
    println!("{slots:?} {maybe:?}");
}
