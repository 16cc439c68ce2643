// Generic structs and fns (monomorphised), trait bounds, impl Display, derive(Default).
use std::fmt;

#[derive(Debug, Default)]
struct Pair<T> {
    a: T,
    b: T,
}

impl<T: PartialOrd + Copy> Pair<T> {
    fn larger(&self) -> T {
        if self.a > self.b { self.a } else { self.b }
    }
}

impl<T: fmt::Display> fmt::Display for Pair<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "<{}, {}>", self.a, self.b)
    }
}

fn label<T>(name: &str, value: T) -> String
where
    T: fmt::Display,
{
    format!("{name}: {value}")
}

fn first<T: Clone>(items: &Vec<T>) -> T {
    items[0].clone()
}

fn main() {
    let p = Pair { a: 3, b: 9 };
    println!("{}", p);
    println!("{}", p.larger());
    let words = Pair { a: String::from("x"), b: String::from("yy") };
    let text = words.to_string();
    println!("{text} {}", text.len());
    let zero: Pair<u64> = Pair::default();
    println!("{:?}", zero);
    println!("{}", label("count", 7u8));
    let names = vec![String::from("ann"), String::from("bob")];
    let n = first(&names);
    println!("{} {}", n, label("name", &n));
}
