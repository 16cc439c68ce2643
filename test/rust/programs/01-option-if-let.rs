// Option: Some/None, match with bindings and guards, if let, unwrap_or.
fn find(v: &Vec<i32>, want: i32) -> Option<usize> {
    let mut i = 0;
    while i < v.len() {
        if v[i] == want {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let v = vec![4, 8, 15, 16, 23, 42];
    match find(&v, 15) {
        Some(i) if i > 1 => println!("found late at {}", i),
        Some(i) => println!("found early at {}", i),
        None => println!("missing"),
    }
    if let Some(i) = find(&v, 42) {
        println!("42 at {i}");
    }
    let missing = find(&v, 7);
    println!("{:?} {}", missing, missing.is_none());
    println!("{}", find(&v, 99).unwrap_or(100));
    let mut names = vec![String::from("x"), String::from("yy")];
    while let Some(name) = names.pop() {
        println!("popped {} ({})", name, name.len());
    }
}
