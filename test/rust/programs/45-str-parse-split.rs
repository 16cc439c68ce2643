// Our own program: parse into integers and floats, the &str pieces of split/lines/split_whitespace, patterns
// teaches: parse gives Result<T, ParseIntError>; split pieces borrow the String; find/trim_matches with chars
use std::num::ParseIntError;

fn total(line: &str) -> Result<i32, ParseIntError> {
    let mut sum = 0;
    for part in line.split(',') {
        let n: i32 = part.trim().parse()?;
        sum += n;
    }
    Ok(sum)
}

fn main() {
    let text = String::from("1, 2, 3\n4,x\n\n 10 ,-20\n");
    for line in text.lines() {
        match total(line) {
            Ok(n) => println!("{line:?} sums to {n}"),
            Err(e) => println!("{line:?}: {e}"),
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    println!("{} words, last {:?}", words.len(), words.last());
    let x: f64 = "2.5".parse().unwrap();
    let big = "300".parse::<u8>();
    println!("{x} {big:?}");
    let tag = "<<name>>";
    println!("{} {:?}", tag.trim_matches(&['<', '>'][..]), tag.find('n'));
    let bytes = tag.as_bytes();
    println!("{} {}", bytes[0], bytes.len());
}
