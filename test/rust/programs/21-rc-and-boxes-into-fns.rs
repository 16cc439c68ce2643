// A Box passed by value is freed by the callee; the last Rc dropped frees the shared value.
use std::rc::Rc;

fn take(b: Box<Vec<i32>>) -> i32 {
    b[0] + b.len() as i32
}

fn count(r: &Rc<Vec<String>>) -> usize {
    Rc::strong_count(r)
}

fn main() {
    let boxed = Box::new(vec![5, 6, 7]);
    println!("{}", take(boxed));
    let shared = Rc::new(vec![String::from("x"), String::from("yy")]);
    {
        let other = Rc::clone(&shared);
        println!("{} {}", count(&other), other[1]);
    }
    println!("{} {}", count(&shared), shared.len());
    let moved = shared;
    println!("{}", moved[0]);
}
