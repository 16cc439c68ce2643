// References returned by functions and methods borrow their source only until their last use.
fn longest<'a>(a: &'a String, b: &'a String) -> &'a String {
    if a.len() >= b.len() { a } else { b }
}

fn first(v: &Vec<String>) -> &String {
    &v[0]
}

fn main() {
    let mut words = vec![String::from("short"), String::from("much longer")];
    let f = first(&words);
    println!("first {}", f);
    words.push(String::from("third"));
    let l = longest(&words[0], &words[1]);
    println!("longest {}", l);
    words.clear();
    let mut s = String::from("abc");
    let view = s.as_str();
    println!("{} {}", view, view.len());
    s.push('d');
    println!("{} {}", s, words.len());
}
