// Matching on a value returned by a function moves its parts into the arm's bindings.
enum Token {
    Word(String),
    Number(i64),
    Space,
}

fn next(i: u32) -> Token {
    if i % 3 == 0 {
        Token::Word(format!("w{}", i))
    } else if i % 3 == 1 {
        Token::Number(i as i64 * 100)
    } else {
        Token::Space
    }
}

fn main() {
    let mut words = Vec::new();
    for i in 0..7 {
        match next(i) {
            Token::Word(w) => words.push(w),
            Token::Number(n) if n > 300 => println!("big {}", n),
            Token::Number(n) => println!("small {}", n),
            Token::Space => {}
        }
    }
    println!("{:?}", words);
    let t = next(3);
    let text = match t {
        Token::Word(w) => w,
        _ => String::from("none"),
    };
    println!("{}", text);
}
