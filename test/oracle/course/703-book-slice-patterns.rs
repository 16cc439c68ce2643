// Adapted from: Rust by Example, "Destructuring: arrays/slices" — https://doc.rust-lang.org/rust-by-example/flow_control/match/destructuring/destructure_slice.html
// teaches: slice patterns [a, b], [first, .., last], [head, tail @ ..] on arrays, slices and Vecs (via as_slice and &v[..]); exhaustive by length
fn describe(words: &[String]) -> String {
    match words {
        [] => String::from("nothing"),
        [only] => format!("just {only}"),
        [first, second] => format!("{first} and {second}"),
        [first, middle @ .., last] => format!("{first}, {} more, then {last}", middle.len()),
    }
}

fn sum(xs: &[i64]) -> i64 {
    match xs {
        [] => 0,
        [head, tail @ ..] => head + sum(tail),
    }
}

fn main() {
    let mut words = Vec::new();
    for w in ["red", "green", "blue", "cyan"] {
        println!("{}", describe(&words));
        words.push(w.to_string());
    }
    println!("{}", describe(words.as_slice()));
    let array = [4, -2, 9, 7, 1];
    match array {
        [0, second, ..] => println!("starts with 0, then {second}"),
        [first, .., -1] => println!("{first} ... ends with -1"),
        [first, rest @ ..] => println!("{first} then {rest:?}"),
    }
    if let [.., last_but_one, _] = &array[1..] {
        println!("last but one: {last_but_one}");
    }
    println!("sum {}", sum(&[1, 2, 3, 4]));
    let commands = vec!["move", "north", "3"];
    if let ["move", direction, steps] = commands[..] {
        println!("moving {steps} steps {direction}");
    }
}
