// Adapted from: Comprehensive Rust, "The Default Trait" — https://google.github.io/comprehensive-rust/std-traits/default.html
// teaches: #[derive(Default)] beside a hand-written Default; ..Default::default() builds a whole default and moves in only the fields not named; unwrap_or_default
#[derive(Debug, Default)]
struct Profile {
    visits: u32,
    nickname: String,
    tags: Vec<String>,
    owner: Owner,
}

#[derive(Debug)]
struct Owner(String);

impl Default for Owner {
    fn default() -> Self {
        Owner(String::from("guest"))
    }
}

fn main() {
    let blank = Profile::default();
    println!("{blank:#?}");

    // The default's nickname String is built, then dropped: only visits, tags and owner move in.
    let named = Profile { nickname: String::from("ferris"), visits: 3, ..Default::default() };
    println!("{named:?}");

    let missing: Option<Profile> = None;
    let fallback = missing.unwrap_or_default();
    println!("{} {:?}", fallback.owner.0, fallback.tags);
}
