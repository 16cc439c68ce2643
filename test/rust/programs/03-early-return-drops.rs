// Returning early drops the locals alive at that point; breaking out of a loop drops the iteration's locals.
fn first_long(words: &Vec<String>) -> usize {
    for w in words {
        let upper = w.clone();
        if upper.len() > 3 {
            return upper.len();
        }
    }
    0
}

fn main() {
    let words = vec![String::from("ab"), String::from("abcd"), String::from("abcdef")];
    println!("{}", first_long(&words));
    let mut n = 0;
    loop {
        let temp = format!("round {}", n);
        n += 1;
        if n == 3 {
            println!("{}", temp);
            break;
        }
    }
    let mut total = 0;
    for i in 0..10 {
        let s = i.to_string();
        if i % 3 == 0 {
            continue;
        }
        total += s.len();
    }
    println!("{}", total);
}
