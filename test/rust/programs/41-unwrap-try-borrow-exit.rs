// Rc::try_unwrap (Err while shared, Ok frees the RcBox), RefCell::try_borrow_mut / try_borrow,
// into_inner, size_of::<T>() and std::process::exit (no destructors run after it).
use std::cell::RefCell;
use std::mem::size_of;
use std::process;
use std::rc::Rc;

fn main() {
    let first = Rc::new(RefCell::new(vec![String::from("a")]));
    let second = Rc::clone(&first);
    let first = match Rc::try_unwrap(first) {
        Ok(_) => return,
        Err(rc) => rc,
    };
    first.borrow_mut().push(String::from("b"));
    let guard = second.borrow();
    println!("{} {:?}", guard.len(), first.try_borrow_mut().is_err());
    drop(guard);
    drop(second);
    let cell = Rc::try_unwrap(first).ok().unwrap();
    println!("{:?}", cell.try_borrow().map(|v| v.len()));
    let items = cell.into_inner();
    println!("{:?} {}", items, size_of::<RefCell<Vec<String>>>());
    let keep = String::from("kept");
    if items.len() == 2 {
        process::exit(2);
    }
    println!("{keep}");
}
