// Adapted from: rustlings, exercises/14_generics (generics1.rs, generics2.rs: Wrapper<T>) — https://github.com/rust-lang/rustlings/tree/main/exercises/14_generics
// teaches: Vec<i16> filled from u8 and i8 with .into(); a generic Wrapper<T> for u32 and &str and String
struct Wrapper<T> {
    value: T,
}

impl<T> Wrapper<T> {
    fn new(value: T) -> Self {
        Wrapper { value }
    }
}

fn main() {
    let mut numbers: Vec<i16> = Vec::new();
    let n1: u8 = 42;
    numbers.push(n1.into());
    let n2: i8 = -1;
    numbers.push(n2.into());
    println!("{numbers:?}");
    let a = Wrapper::new(42u32);
    let b = Wrapper::new("Foo");
    let c = Wrapper::new(String::from("owned"));
    println!("{} {} {}", a.value, b.value, c.value);
}
