// Borrows that end at their last use (non-lexical lifetimes), two-phase borrows, disjoint fields
// and reborrows of a `&mut` parameter, all accepted by rustc; the targeted mutants in
// test/rust/targeted-mutants.ts break each one the way the Book's ch04-02 ("References and
// Borrowing"), ch08-01 ("let first = &v[0]; v.push(6);") and Comprehensive Rust's "Borrow
// Checking" slide warn about (same verdict as rustc).
struct Stack {
    items: Vec<i32>,
    log: Vec<String>,
    pushes: u32,
}

impl Stack {
    fn push(&mut self, x: i32) {
        self.items.push(x);
        self.pushes += 1;
    }

    fn top(&self) -> Option<&i32> {
        self.items.last()
    }

    fn note_top(&mut self) {
        let top = &self.items[self.items.len() - 1];
        self.log.push(format!("top {}", top));
        self.pushes += 1;
        println!("{} {}", top, self.log.len());
        if let Some(first) = self.items.first() {
            println!("first {}", first);
        }
        self.items.push(0);
    }
}

fn add_twice(v: &mut Vec<i32>, x: i32) {
    v.push(x);
    let again = &mut *v;
    again.push(x);
    let n = v.len();
    println!("added {} -> {}", x, n);
}

fn fill(v: &mut Vec<i32>) {
    add_twice(v, 7);
    add_twice(v, 8);
    let last = v.last().copied();
    v.push(last.unwrap_or(0));
}

fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    println!("The first element is: {first}");
    v.push(6);

    let r = &v;
    let r2 = r;
    println!("{}", r2.len());
    v.push(r.len() as i32);

    let x = &v[1];
    v.push(*x);
    v.insert(0, v[2]);
    v.push(v.len() as i32);

    if let Some(y) = v.first() {
        println!("if let {}", y);
    }
    v.push(10);
    match v.get(1) {
        Some(z) => println!("match {}", z),
        None => println!("none"),
    }
    v.push(11);
    let Some(w) = v.last() else { return; };
    println!("let else {}", w);
    v.push(12);

    let spare = vec![0];
    let mut pick = &v[0];
    println!("pick {}", pick);
    pick = &spare[0];
    v.push(13);
    println!("picked {}", pick);

    let mut name = Some(String::from("ferris"));
    if let Some(n) = &name {
        println!("hello {}", n);
    }
    name = None;
    println!("{:?} {:?}", name, v);

    let mut s = Stack { items: vec![4, 5], log: Vec::new(), pushes: 0 };
    let items = &s.items;
    s.log.push(String::from("start"));
    println!("{:?} {:?}", items, s.log);
    s.push(9);
    s.note_top();
    println!("{:?} {}", s.top(), s.pushes);

    let mut grow = vec![1];
    while let Some(last) = grow.last() {
        if *last > 4 {
            break;
        }
        let next = *last * 2;
        grow.push(next);
    }
    fill(&mut grow);
    let mut seen: Option<&i32> = None;
    for i in 0..3 {
        if let Some(s) = seen {
            println!("seen {}", s);
        }
        grow.push(i);
        seen = grow.last();
    }
    println!("{:?}", grow);
}
