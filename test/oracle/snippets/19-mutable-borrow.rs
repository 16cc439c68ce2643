// A mutable reference (&mut) lets a function change the caller's value; *r reaches the value behind it.
fn add_suffix(s: &mut String) {
    s.push_str("-ed");
}

fn bump(n: &mut i32) {
    *n += 10;
}

fn main() {
    let mut word = String::from("borrow");
    add_suffix(&mut word);
    println!("{}", word);
    let mut counter = 1;
    bump(&mut counter);
    bump(&mut counter);
    println!("{}", counter);
    let r = &mut counter;
    *r = *r * 2;
    println!("{}", counter);
}
