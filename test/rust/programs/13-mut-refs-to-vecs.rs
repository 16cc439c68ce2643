// Functions that change a caller's Vec<String> through &mut: pushes reallocate the caller's buffer.
fn add_all(into: &mut Vec<String>, n: u32) {
    for i in 0..n {
        into.push(format!("item{}", i));
    }
}

fn total_len(v: &Vec<String>) -> usize {
    let mut t = 0;
    for s in v {
        t += s.len();
    }
    t
}

fn shout_all(v: &mut Vec<String>) {
    let mut i = 0;
    while i < v.len() {
        v[i].push('!');
        i += 1;
    }
}

fn main() {
    let mut items = Vec::new();
    add_all(&mut items, 3);
    add_all(&mut items, 3);
    shout_all(&mut items);
    println!("{} {} {}", items.len(), items.capacity(), total_len(&items));
    println!("{}", items[5]);
    let last = items.pop();
    println!("{:?} {}", last, items.len());
}
