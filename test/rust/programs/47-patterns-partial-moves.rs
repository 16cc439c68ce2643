// Patterns (issue 14): partial moves by a pattern, `..` in tuples and structs, slice patterns, `use` in a fn.
// Removing `&` from `= &q` moves q.name and q.tag out (then q.name is E0382); deleting an arm is E0004.
#[derive(Debug)]
enum Size {
    Small,
    Large,
}

struct Person {
    name: String,
    nick: String,
    age: Box<u8>,
}

struct Card {
    name: String,
    tag: String,
    n: u32,
}

fn describe(s: &[i32]) -> String {
    match s {
        [] => String::from("empty"),
        [one] => format!("one {one}"),
        [first, .., last] => format!("{first}..{last}"),
    }
}

fn main() {
    use Size::*;
    let p = Person { name: String::from("Alice"), nick: String::from("Al"), age: Box::new(20) };
    let Person { name, ref age, .. } = p;
    println!("{name} {age} {}", p.nick);
    let nick = p.nick;
    println!("{nick} {}", p.age);
    let q = Card { name: String::from("ace"), tag: String::from("spades"), n: 1 };
    let Card { name: card, tag, .. } = &q;
    println!("{card} {tag} {} {}", q.name, q.n);
    let v = vec![3, 1, 4];
    println!("{} {}", describe(&v), describe(&v[..1]));
    let t = (String::from("x"), 2, 3);
    let (s, ..) = t;
    println!("{s} {}", t.1);
    let [a, rest @ ..] = [1, 2, 3];
    let size = if rest.len() > 1 { Large } else { Small };
    println!("{a} {rest:?} {size:?}");
}
