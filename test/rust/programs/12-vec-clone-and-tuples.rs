// Cloning a Vec<String> clones the buffer first, then each String; tuples hold mixed values.
fn longest(words: &Vec<String>) -> (usize, String) {
    let mut best = (0, String::new());
    for w in words {
        if w.len() > best.0 {
            best = (w.len(), w.clone());
        }
    }
    best
}

fn main() {
    let words = vec![String::from("stack"), String::from("heap"), String::from("static")];
    let copy = words.clone();
    let (n, word) = longest(&copy);
    println!("{} {} {}", n, word, copy.len());
    let pairs = vec![(1, 'a'), (2, 'b')];
    for p in &pairs {
        println!("{} {}", p.0, p.1);
    }
    let point = (3, 4.5);
    match point {
        (0, _) => println!("on the axis"),
        (x, y) => println!("{} {}", x, y),
    }
    println!("{:?} {:?}", pairs, words);
}
