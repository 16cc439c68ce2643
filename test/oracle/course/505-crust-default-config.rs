// Adapted from: Comprehensive Rust, "Default, struct update syntax" — https://google.github.io/comprehensive-rust/std-traits/default.html
// teaches: #[derive(Default)] gives each field its default without allocating; a hand-written Default allocates
#[derive(Debug, Default)]
struct Settings {
    name: String,
    retries: u32,
    ratio: f64,
    tags: Vec<String>,
    verbose: bool,
    owner: Owner,
}

#[derive(Debug)]
struct Owner(String);

impl Default for Owner {
    fn default() -> Self {
        Owner(String::from("root"))
    }
}

fn main() {
    let plain = Settings::default();
    println!("{:?}", plain);
    let tuned = Settings { retries: 3, name: String::from("fast"), ..Settings::default() };
    println!("{} {} {}", tuned.name, tuned.retries, tuned.owner.0);
}
