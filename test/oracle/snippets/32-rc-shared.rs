// Rc shares one heap value between owners; the value is freed when the last owner goes away.
use std::rc::Rc;

fn main() {
    let first = Rc::new(String::from("shared text"));
    println!("count {}", Rc::strong_count(&first));
    let second = Rc::clone(&first);
    {
        let third = Rc::clone(&first);
        println!("count {} ({})", Rc::strong_count(&third), third);
    }
    println!("count {}", Rc::strong_count(&first));
    drop(first);
    println!("count {} ({})", Rc::strong_count(&second), second);
}
