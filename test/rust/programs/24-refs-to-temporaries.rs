// References to temporaries: the borrowed value lives until the end of the statement.
fn count(s: &String) -> usize {
    s.len()
}

fn first(v: &Vec<i32>) -> i32 {
    v[0]
}

fn main() {
    println!("{}", count(&String::from("temporary")));
    println!("{}", first(&vec![7, 8, 9]) as usize + count(&format!("{}{}", 1, 2)));
    let n = count(&"abc".to_string()) * 2;
    println!("{}", n);
}
