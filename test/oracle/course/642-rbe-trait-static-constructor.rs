// Adapted from: Rust by Example, "Traits" — https://doc.rust-lang.org/rust-by-example/trait.html
// teaches: a trait's associated constructor called through the trait, the impl chosen by the annotated type; default methods
trait Pet {
    fn new(name: &str) -> Self;
    fn name(&self) -> String;
    fn sound(&self) -> String;
    fn speak(&self) -> String {
        format!("{} says {}", self.name(), self.sound())
    }
}

struct Dog {
    name: String,
    tricks: Vec<String>,
}

struct Cat {
    name: String,
}

impl Pet for Dog {
    fn new(name: &str) -> Dog {
        Dog { name: name.to_string(), tricks: Vec::new() }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn sound(&self) -> String {
        String::from("woof")
    }
}

impl Pet for Cat {
    fn new(name: &str) -> Cat {
        Cat { name: String::from(name) }
    }
    fn name(&self) -> String {
        format!("{} the cat", self.name)
    }
    fn sound(&self) -> String {
        "meow".to_string()
    }
    fn speak(&self) -> String {
        format!("{} ignores you", self.name())
    }
}

fn main() {
    let mut rex: Dog = Pet::new("Rex");
    rex.tricks.push(String::from("sit"));
    let tom: Cat = Pet::new("Tom");
    println!("{}", rex.speak());
    println!("{}", tom.speak());
    println!("{} knows {:?}", rex.name, rex.tricks);
}
