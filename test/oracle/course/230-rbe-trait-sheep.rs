// Adapted from: Rust by Example, "Traits" (Animal / Sheep) — https://doc.rust-lang.org/rust-by-example/trait.html
// teaches: a trait with an associated constructor, required and default methods; impl overriding a default
struct Sheep {
    naked: bool,
    name: String,
}

trait Animal {
    fn new(name: String) -> Self;
    fn name(&self) -> String;
    fn noise(&self) -> String;
    fn talk(&self) {
        println!("{} says {}", self.name(), self.noise());
    }
}

impl Sheep {
    fn is_naked(&self) -> bool {
        self.naked
    }
    fn shear(&mut self) {
        if self.is_naked() {
            println!("{} is already naked...", self.name());
        } else {
            println!("{} gets a haircut!", self.name);
            self.naked = true;
        }
    }
}

impl Animal for Sheep {
    fn new(name: String) -> Sheep {
        Sheep { name, naked: false }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn noise(&self) -> String {
        if self.is_naked() { "baaaaah?".to_string() } else { "baaaaah!".to_string() }
    }
    fn talk(&self) {
        println!("{} pauses briefly... {}", self.name, self.noise());
    }
}

fn main() {
    let mut dolly: Sheep = Animal::new(String::from("Dolly"));
    dolly.talk();
    dolly.shear();
    dolly.talk();
    dolly.shear();
}
