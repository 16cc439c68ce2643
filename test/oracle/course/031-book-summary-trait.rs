// Adapted from: The Rust Programming Language, ch. 10.2 "Traits: Defining Shared Behavior" — https://doc.rust-lang.org/book/ch10-02-traits.html
// teaches: a trait with a required and a default method, two impls, `impl Trait` parameters
pub trait Summary {
    fn summarize_author(&self) -> String;
    fn summarize(&self) -> String {
        format!("(Read more from {}...)", self.summarize_author())
    }
}

pub struct NewsArticle {
    pub headline: String,
    pub location: String,
}

impl Summary for NewsArticle {
    fn summarize_author(&self) -> String {
        String::from("the newsroom")
    }
    fn summarize(&self) -> String {
        format!("{}, in {}", self.headline, self.location)
    }
}

pub struct Tweet {
    pub username: String,
    pub content: String,
}

impl Summary for Tweet {
    fn summarize_author(&self) -> String {
        format!("@{}", self.username)
    }
}

pub fn notify(item: &impl Summary) {
    println!("Breaking news! {}", item.summarize());
}

fn main() {
    let tweet = Tweet { username: String::from("horse_ebooks"), content: String::from("of course, as you probably already know, people") };
    let article = NewsArticle { headline: String::from("Penguins win the Stanley Cup"), location: String::from("Pittsburgh") };
    notify(&tweet);
    notify(&article);
    println!("{} chars of content", tweet.content.len());
}
