// Adapted from: Rust by Example, "Strings" (str methods: split, lines, trim_matches) — https://doc.rust-lang.org/rust-by-example/std/str.html
// teaches: split by a char and by a &str, lines() of a String, trim_matches with a char slice, &str pieces pointing into one String
fn main() {
    let csv = String::from("name,age,city\nAda,36,London\r\nGrace,85,New York\n");
    for (i, line) in csv.lines().enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        println!("line {i}: {:?} ({} fields)", fields, fields.len());
    }
    let path = "usr//local/bin";
    let parts: Vec<&str> = path.split('/').collect();
    println!("{parts:?}");
    let sentence = "one and two and three";
    for piece in sentence.split(" and ") {
        print!("[{piece}]");
    }
    println!();
    let noisy = "--==hello world==--";
    println!("{}", noisy.trim_matches(&['-', '='][..]));
    println!("{}", noisy.trim_start_matches("--"));
    println!("{}", noisy.trim_end_matches('-'));
    let last = "a b c".split(' ').last();
    println!("{last:?} {}", "x,y,z".split(',').count());
}
