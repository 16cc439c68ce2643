// Adapted from: Rust by Example, "use" (enum variants) — https://doc.rust-lang.org/rust-by-example/custom_types/enum/enum_use.html
// teaches: `use crate::Stage::{Beginner, Advanced}` and `use crate::Role::*`; C-like enums cast with `as`
#[derive(Debug)]
enum Stage {
    Beginner,
    Advanced,
}

enum Role {
    Student,
    Teacher,
}

enum Color {
    Red = 0xff0000,
    Blue = 0x0000ff,
}

fn main() {
    use crate::Role::*;
    use crate::Stage::{Advanced, Beginner};
    let stages = vec![Beginner, Advanced, Beginner];
    let role = Student;
    for s in &stages {
        match s {
            Beginner => println!("Beginners are starting to learn!"),
            Advanced => println!("Advanced learners are mastering their subjects..."),
        }
    }
    match role {
        Student => println!("Students are acquiring knowledge!"),
        Teacher => println!("Teachers are spreading knowledge!"),
    }
    println!("roses are #{:06x}, violets are #{:06x}, {stages:?}", Color::Red as i32, Color::Blue as i32);
}
