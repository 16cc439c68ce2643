// Adapted from: Rust by Example, "Debug" — https://doc.rust-lang.org/rust-by-example/hello/print/print_debug.html
// teaches: derive(Debug) on nested structs with String and &str fields; {:?} and pretty {:#?}
#[derive(Debug)]
struct Person<'a> {
    name: &'a str,
    age: u8,
}

#[derive(Debug)]
struct Deep(Structure);

#[derive(Debug)]
struct Structure(i32);

#[derive(Debug)]
struct Team {
    members: Vec<Person<'static>>,
    motto: String,
}

fn main() {
    println!("Now {:?} will print!", Deep(Structure(7)));
    let peter = Person { name: "Peter", age: 27 };
    println!("{:#?}", peter);
    let team = Team { members: vec![Person { name: "Ann", age: 3 }], motto: String::from("\"go\"\n") };
    println!("{team:?}");
    println!("{team:#?}");
}
