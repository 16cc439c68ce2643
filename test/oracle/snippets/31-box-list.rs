// A recursive type needs a Box: each Cons cell is one heap block pointing to the rest of the list.
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn sum(list: &List) -> i32 {
    match list {
        List::Cons(value, rest) => value + sum(rest),
        List::Nil => 0,
    }
}

fn length(list: &List) -> i32 {
    match list {
        List::Cons(_, rest) => 1 + length(rest),
        List::Nil => 0,
    }
}

fn main() {
    let list = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Cons(3, Box::new(List::Nil))))));
    println!("sum {} length {}", sum(&list), length(&list));
}
