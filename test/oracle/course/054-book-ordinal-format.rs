// Adapted from: The Rust Programming Language, ch. 3 exercise "The Twelve Days of Christmas" — https://doc.rust-lang.org/book/ch03-05-control-flow.html#summary
// teaches: format! evaluates its arguments (which allocate here) before it allocates its own String
fn ordinal(n: usize) -> String {
    let suffix = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn main() {
    let gifts = ["a partridge in a pear tree", "two turtle doves", "three French hens"];
    for day in 1..=3 {
        let line = format!("On the {} day of Christmas my true love sent to me", ordinal(day));
        println!("{line}");
        for gift in gifts[..day].iter().rev() {
            println!("  {gift}");
        }
    }
}
