// HashMap's entry API (or_insert_with, and_modify), slice windows and chunks, matches! through
// references, an `impl A + B` argument and a function's tail temporaries dropped before its
// parameters: the base of this round's third set of targeted mutants (same verdict as rustc).
use std::collections::HashMap;

#[derive(Debug)]
enum Token {
    Word(String),
    Number(i64),
    Space,
}

trait Named {
    fn name(&self) -> String;
}

trait Sized2 {
    fn size(&self) -> usize;
}

struct Label(String);

impl Named for Label {
    fn name(&self) -> String {
        self.0.clone()
    }
}

impl Sized2 for Label {
    fn size(&self) -> usize {
        self.0.len()
    }
}

fn describe(item: impl Named + Sized2) -> String {
    format!("{} ({})", item.name(), item.size())
}

fn main() {
    let tokens = vec![Token::Word(String::from("ab")), Token::Space, Token::Number(7), Token::Word(String::from("cd"))];
    let words = tokens.iter().filter(|t| matches!(t, Token::Word(_))).count();
    let big = tokens.iter().filter(|t| matches!(t, Token::Number(n) if *n > 5)).count();
    println!("{words} words, {big} big numbers, first {:?}", tokens.first());

    let mut groups: HashMap<usize, Vec<&str>> = HashMap::new();
    for w in ["one", "two", "three", "four"] {
        groups.entry(w.len()).or_insert_with(Vec::new).push(w);
    }
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for w in ["a", "b", "a"] {
        seen.entry(w).and_modify(|n| *n += 1).or_insert(1);
    }
    println!("{:?} {} {}", groups[&3], seen["a"], seen["b"]);

    let readings = [4, 9, 7, 12];
    let rises: Vec<i32> = readings.windows(2).map(|w| w[1] - w[0]).collect();
    let sums: Vec<i32> = readings.chunks(3).map(|c| c.iter().sum()).collect();
    println!("{:?} {:?}", rises, sums);

    println!("{}", describe(Label(String::from("tag"))));
}
