// Adapted from: rustlings, exercises/09_strings/strings4.rs (String or &str?) — https://github.com/rust-lang/rustlings/tree/main/exercises/09_strings
// teaches: which calls allocate a String (to_string, to_owned, into, format!, String::from, to_lowercase) and which give &str
fn placeholder_string(s: String) -> String {
    s
}

fn placeholder_str(s: &str) -> &str {
    s
}

fn main() {
    let mut kept = Vec::new();
    kept.push(placeholder_string("red".to_string()));
    kept.push(placeholder_string(String::from("hi")));
    kept.push(placeholder_string("rust is fun!".to_owned()));
    kept.push(placeholder_string("nice weather".into()));
    kept.push(placeholder_string(format!("Interpolation {}", "Station")));
    kept.push(placeholder_string("Happy Monday!".to_lowercase()));
    println!("{}", placeholder_str("blue"));
    println!("{}", placeholder_str(&String::from("abc")[0..1]));
    println!("{}", placeholder_str("  hello there ".trim()));
    println!("{kept:?}");
}
