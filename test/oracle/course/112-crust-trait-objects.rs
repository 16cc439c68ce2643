// Adapted from: Comprehensive Rust, "Trait Objects" — https://google.github.io/comprehensive-rust/smart-pointers/trait-objects.html
// teaches: Vec<Box<dyn Pet>>: each Box is a fat pointer (data + vtable); dynamic dispatch in a loop
trait Pet {
    fn talk(&self) -> String;
}

struct Dog {
    name: String,
    age: i8,
}

struct Cat {
    lives: i8,
}

impl Pet for Dog {
    fn talk(&self) -> String {
        format!("Woof, my name is {}! I am {}", self.name, self.age)
    }
}

impl Pet for Cat {
    fn talk(&self) -> String {
        format!("Miau! {} lives", self.lives)
    }
}

fn main() {
    let pets: Vec<Box<dyn Pet>> = vec![
        Box::new(Cat { lives: 9 }),
        Box::new(Dog { name: String::from("Fido"), age: 5 }),
    ];
    for pet in pets.iter() {
        println!("Hello, who are you? {}", pet.talk());
    }
    println!("{} {}", std::mem::size_of::<Dog>(), std::mem::size_of::<Box<dyn Pet>>());
}
