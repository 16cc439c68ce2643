// enumerate pairs each item with its index; for loops can destructure tuples.
fn main() {
    let names = vec![String::from("Ada"), String::from("Grace"), String::from("Linus")];
    for (i, name) in names.iter().enumerate() {
        println!("{}: {} ({} bytes)", i, name, name.len());
    }
    let mut longest = 0;
    for (i, c) in "rustacean".chars().enumerate() {
        if c == 'a' {
            longest = i;
        }
    }
    println!("last a at {}", longest);
    let pairs = vec![(1, 'x'), (2, 'y')];
    let mut total = 0;
    for &(n, _) in &pairs {
        total += n;
    }
    for p in pairs.iter().enumerate() {
        println!("{:?}", p);
    }
    println!("{}", total);
}
