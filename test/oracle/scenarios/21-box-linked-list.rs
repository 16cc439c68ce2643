// A singly linked list of boxes: each node one allocation; dropping the head frees nodes from the head down.
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn sum(list: &List) -> i32 {
    match list {
        List::Cons(v, rest) => v + sum(rest),
        List::Nil => 0,
    }
}

fn main() {
    let mut list = List::Nil;
    for i in 1..=4 {
        list = List::Cons(i, Box::new(list));
    }
    println!("{}", sum(&list));
}
