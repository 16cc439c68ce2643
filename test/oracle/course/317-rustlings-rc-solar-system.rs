// Adapted from: rustlings, exercises/19_smart_pointers/rc1.rs (planets sharing the Sun) — https://github.com/rust-lang/rustlings/tree/main/exercises/19_smart_pointers
// teaches: Rc<Sun> shared by enum variants; strong_count as each planet is dropped
use std::rc::Rc;

#[derive(Debug)]
struct Sun;

#[derive(Debug)]
enum Planet {
    Mercury(Rc<Sun>),
    Venus(Rc<Sun>),
    Earth(Rc<Sun>),
}

impl Planet {
    fn details(&self) {
        println!("Hi from {self:?}!");
    }
}

fn main() {
    let sun = Rc::new(Sun);
    println!("reference count = {}", Rc::strong_count(&sun));
    let mercury = Planet::Mercury(Rc::clone(&sun));
    let venus = Planet::Venus(Rc::clone(&sun));
    let earth = Planet::Earth(Rc::clone(&sun));
    println!("reference count = {}", Rc::strong_count(&sun));
    mercury.details();
    venus.details();
    earth.details();
    drop(earth);
    println!("reference count = {}", Rc::strong_count(&sun));
    drop(venus);
    drop(mercury);
    println!("reference count = {}", Rc::strong_count(&sun));
    let names: Vec<String> = vec!["sun".to_string(); 2];
    println!("{names:?}");
}
