// Blocks as expressions produce owned values; shadowing a String does not free the old one until its scope ends.
fn main() {
    let s = String::from("first");
    let s = {
        let mut t = s.clone();
        t.push_str(" and second");
        t
    };
    println!("{}", s);
    let label = if s.len() > 10 { String::from("long") } else { String::from("short") };
    println!("{}", label);
    let found = loop {
        let candidate = format!("{}-{}", label, s.len());
        if candidate.len() > 3 {
            break candidate;
        }
    };
    println!("{}", found);
    let mut count = 0;
    while count < 3 {
        let temp = String::from("tmp");
        count += temp.len() / 3;
    }
    println!("{}", count);
}
