// Adapted from: Rust by Example, "Combinators: map" and "Combinators: and_then" — https://doc.rust-lang.org/rust-by-example/error/option_unwrap/map.html
// teaches: Option::map chains and and_then over enums; the results gathered in a Vec
#[derive(Debug, Clone, Copy)]
enum Food {
    Apple,
    Carrot,
    Potato,
}

#[derive(Debug)]
struct Peeled(Food);
#[derive(Debug)]
struct Chopped(Food);
#[derive(Debug)]
struct Cooked(Food);

fn process(food: Option<Food>) -> Option<Cooked> {
    food.map(|f| Peeled(f)).map(|Peeled(f)| Chopped(f)).map(|Chopped(f)| Cooked(f))
}

fn have_recipe(food: Food) -> Option<Food> {
    match food {
        Food::Potato => None,
        _ => Some(food),
    }
}

fn main() {
    let foods = vec![Some(Food::Apple), Some(Food::Carrot), None, Some(Food::Potato)];
    let cooked: Vec<Option<Cooked>> = foods.iter().map(|f| process(*f)).collect();
    println!("{cooked:?}");
    let recipes: Vec<Option<Food>> = foods.iter().map(|f| f.and_then(have_recipe)).collect();
    println!("{recipes:?}");
}
