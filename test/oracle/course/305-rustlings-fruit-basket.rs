// Adapted from: rustlings, exercises/11_hashmaps/hashmaps1.rs and hashmaps2.rs (fruit basket) — https://github.com/rust-lang/rustlings/tree/main/exercises/11_hashmaps
// teaches: HashMap keyed by a derived-Hash enum, entry().or_insert, summing values()
use std::collections::HashMap;

#[derive(Hash, PartialEq, Eq, Debug, Clone, Copy)]
enum Fruit {
    Apple,
    Banana,
    Mango,
    Lychee,
    Pineapple,
}

fn fruit_basket(basket: &mut HashMap<Fruit, u32>) {
    let fruit_kinds = [Fruit::Apple, Fruit::Banana, Fruit::Mango, Fruit::Lychee, Fruit::Pineapple];
    for fruit in fruit_kinds {
        basket.entry(fruit).or_insert(1);
    }
}

fn main() {
    let mut basket = HashMap::new();
    basket.insert(Fruit::Apple, 4);
    basket.insert(Fruit::Mango, 2);
    basket.insert(Fruit::Lychee, 5);
    fruit_basket(&mut basket);
    println!("{} kinds, {} fruits, {} bananas", basket.len(), basket.values().sum::<u32>(), basket[&Fruit::Banana]);
}
