// Adapted from: The Rust Programming Language, ch. 3.5 "Control Flow" (loop labels, returning from loops, for over arrays) — https://doc.rust-lang.org/book/ch03-05-control-flow.html
// teaches: 'counting_up labels, break with a value, for over an array and a reversed range, pushing into a Vec
fn main() {
    let mut count = 0;
    let mut trace = Vec::new();
    'counting_up: loop {
        let mut remaining = 10;
        loop {
            trace.push((count, remaining));
            if remaining == 9 {
                break;
            }
            if count == 2 {
                break 'counting_up;
            }
            remaining -= 1;
        }
        count += 1;
    }
    println!("End count = {count}, trace {trace:?}");
    let mut counter = 0;
    let result = loop {
        counter += 1;
        if counter == 10 {
            break counter * 2;
        }
    };
    let a = [10, 20, 30, 40, 50];
    for element in a {
        print!("{element} ");
    }
    for number in (1..4).rev() {
        print!("{number}! ");
    }
    println!("LIFTOFF!!! result {result}");
}
