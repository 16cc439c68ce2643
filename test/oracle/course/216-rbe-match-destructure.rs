// Adapted from: Rust by Example, "Destructuring" (tuples, arrays, enums, pointers, structs) and "Binding" — https://doc.rust-lang.org/rust-by-example/flow_control/match/destructuring.html
// teaches: match on tuples, slices with `..` and `@` bindings, references with & and ref, struct fields
struct Foo {
    x: (u32, u32),
    y: u32,
}

fn age() -> u32 {
    15
}

fn main() {
    let triple = (0, -2, 3);
    match triple {
        (0, y, z) => println!("First is `0`, `y` is {:?}, and `z` is {:?}", y, z),
        (1, ..) => println!("First is `1` and the rest doesn't matter"),
        _ => println!("It doesn't matter what they are"),
    }
    let array = vec![1, -2, 6, 8];
    match array.as_slice() {
        [first, middle @ .., last] => println!("{first} {middle:?} {last}"),
        [one] => println!("just {one}"),
        [] => println!("empty"),
    }
    let reference = &4;
    match reference {
        &val => println!("Got a value via destructuring: {:?}", val),
    }
    let value = String::from("owned");
    match value {
        ref r => println!("Got a reference to a value: {:?}", r),
    }
    let foo = Foo { x: (1, 2), y: 3 };
    let Foo { x: (a, b), y } = foo;
    println!("a = {a}, b = {b}, y = {y}");
    match age() {
        0 => println!("I haven't celebrated my first birthday yet"),
        n @ 1..=12 => println!("I'm a child of age {:?}", n),
        n @ 13..=19 => println!("I'm a teen of age {:?}", n),
        n => println!("I'm an old person of age {:?}", n),
    }
}
