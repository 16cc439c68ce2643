// to_string and format! build new Strings on the heap from values and templates.
fn main() {
    let n = 2024;
    let text = n.to_string();
    let word = "static".to_string();
    let line = format!("{} + {} = {}", 2, 3, 2 + 3);
    let label = format!("item-{}", text);
    println!("{} {} {} {}", text, word, line, label);
    println!("{} {}", line.len(), label.len());
}
