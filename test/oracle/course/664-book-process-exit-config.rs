// Adapted from: The Rust Programming Language, ch. 12.3 "Refactoring to Improve Modularity and Error Handling" (process::exit on a bad config) — https://doc.rust-lang.org/book/ch12-03-improving-error-handling-and-modularity.html
// teaches: Config::build returns Err; main prints it and calls process::exit(1): the run ends there, nothing is dropped
use std::process;

struct Config {
    query: String,
    file_path: String,
}

impl Config {
    fn build(args: &[String]) -> Result<Config, &'static str> {
        if args.len() < 3 {
            return Err("not enough arguments");
        }
        Ok(Config { query: args[1].clone(), file_path: args[2].clone() })
    }
}

fn main() {
    let good = vec![String::from("minigrep"), String::from("to"), String::from("poem.txt")];
    let config = Config::build(&good).unwrap();
    println!("Searching for {} in {}", config.query, config.file_path);
    let bad = vec![String::from("minigrep")];
    let config = Config::build(&bad).unwrap_or_else(|err| {
        println!("Problem parsing arguments: {err}");
        process::exit(1);
    });
    println!("unreachable {}", config.query);
}
