// Temporaries in a function's tail expression outlive its locals (Rust 2021); a block's tail temporaries live to the end of the statement.
fn tail_temp() -> usize {
    let local = String::from("local");
    local.len() + String::from("temp").clone().len()
}

fn nested() -> usize {
    let outer = String::from("o");
    let n = {
        let inner = String::from("inner");
        inner.len() + format!("{}{}", outer, 1).len()
    };
    n
}

fn main() {
    println!("{}", tail_temp());
    println!("{}", nested());
    let v = vec![String::from("a"), String::from("b")];
    let total = match v.len() {
        0 => 0,
        n => n + String::from("xyz").len(),
    };
    println!("{}", total);
    let mut w = vec![String::from("p"), String::from("q")];
    if let Some(top) = w.pop() {
        println!("{} {}", top, w.len());
    }
}
