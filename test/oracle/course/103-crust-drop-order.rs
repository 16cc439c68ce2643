// Adapted from: Comprehensive Rust, "The Drop Trait" — https://google.github.io/comprehensive-rust/memory-management/drop.html
// teaches: user Drop runs at scope end in reverse order, on inner scopes first, and at an explicit drop()
struct Droppable {
    name: String,
}

impl Drop for Droppable {
    fn drop(&mut self) {
        println!("Dropping {}", self.name);
    }
}

fn make(name: &str) -> Droppable {
    Droppable { name: name.to_string() }
}

fn main() {
    let a = make("a");
    {
        let b = make("b");
        {
            let c = make("c");
            let d = make("d");
            println!("Exiting block B {} {}", c.name, d.name);
        }
        println!("Exiting block A {}", b.name);
    }
    drop(a);
    println!("Exiting main");
}
