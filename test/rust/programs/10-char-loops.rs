// Characters and matching on ranges and literals.
fn kind(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        '0'..='9' => "digit",
        _ => "other",
    }
}

fn main() {
    let mut word = String::new();
    let mut c = 'a';
    while c <= 'f' {
        word.push(c);
        println!("{} is a {}", c, kind(c));
        c = ((c as u8) + 1) as char;
    }
    println!("{} {}", word, kind('7'));
    let grade = 87;
    let letter = match grade {
        90..=100 => 'A',
        80..=89 => 'B',
        _ => 'C',
    };
    println!("{}", letter);
}
