// Adapted from: Rust by Example, "Unpacking options and defaults" — https://doc.rust-lang.org/rust-by-example/error/option_unwrap/defaults.html
// teaches: or (eager), or_else (lazy, a closure), get_or_insert and get_or_insert_with filling an Option in place
#[derive(Debug)]
enum Fruit {
    Apple,
    Orange,
    Banana,
    Kiwi,
    Lemon,
}

fn main() {
    let apple = Some(Fruit::Apple);
    let orange = Some(Fruit::Orange);
    let no_fruit: Option<Fruit> = None;

    let first_available_fruit = no_fruit.or(orange).or(apple);
    println!("first_available_fruit: {:?}", first_available_fruit);

    let get_kiwi_as_fallback = || {
        println!("Providing kiwi as fallback");
        Some(Fruit::Kiwi)
    };
    let none: Option<Fruit> = None;
    let chosen = none.or_else(get_kiwi_as_fallback);
    println!("chosen: {:?}", chosen);

    let mut my_fruit: Option<Fruit> = None;
    let first = my_fruit.get_or_insert(Fruit::Lemon);
    println!("first is {:?}", first);
    println!("my_fruit is {:?}", my_fruit);

    let mut basket: Option<Vec<Fruit>> = None;
    basket.get_or_insert_with(Vec::new).push(Fruit::Banana);
    basket.get_or_insert_with(Vec::new).push(Fruit::Apple);
    println!("basket: {:?}", basket);
}
