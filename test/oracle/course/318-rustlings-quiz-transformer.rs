// Adapted from: rustlings, exercises/quizzes/quiz2.rs (string transformer) — https://github.com/rust-lang/rustlings/tree/main/exercises/quizzes
// teaches: a Vec<(String, Command)> consumed by a for loop, match on the command, repeat and trim allocating
enum Command {
    Uppercase,
    Trim,
    Append(usize),
}

fn transformer(input: Vec<(String, Command)>) -> Vec<String> {
    let mut output = Vec::new();
    for (string, command) in input {
        let new_string = match command {
            Command::Uppercase => string.to_uppercase(),
            Command::Trim => string.trim().to_string(),
            Command::Append(n) => string + &"bar".repeat(n),
        };
        output.push(new_string);
    }
    output
}

fn main() {
    let input = vec![
        ("hello".to_string(), Command::Uppercase),
        (" all roads lead to rome! ".to_string(), Command::Trim),
        ("foo".to_string(), Command::Append(1)),
        ("bar".to_string(), Command::Append(5)),
    ];
    println!("{:?}", transformer(input));
}
