// Adapted from: The Rust Programming Language, ch. 12.4 and 12.5 "Developing the Library's Functionality" / case-insensitive search — https://doc.rust-lang.org/book/ch12-04-testing-the-librarys-functionality.html
// teaches: lines() and contains over borrowed text; results as Vec<&str> into the contents; to_lowercase allocating per line
fn search<'a>(query: &str, contents: &'a str) -> Vec<&'a str> {
    let mut results = Vec::new();
    for line in contents.lines() {
        if line.contains(query) {
            results.push(line);
        }
    }
    results
}

fn search_case_insensitive<'a>(query: &str, contents: &'a str) -> Vec<&'a str> {
    let query = query.to_lowercase();
    let mut results = Vec::new();
    for line in contents.lines() {
        if line.to_lowercase().contains(&query) {
            results.push(line);
        }
    }
    results
}

fn main() {
    let contents = "\
Rust:
safe, fast, productive.
Pick three.
Duct tape.
Trust me.";
    println!("{:?}", search("duct", contents));
    println!("{:?}", search_case_insensitive("rUsT", contents));
    let owned = String::from(contents);
    let hits = search("e.", &owned);
    println!("{} hits, first {:?}", hits.len(), hits.first());
}
