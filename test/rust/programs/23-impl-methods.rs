// impl blocks: an associated constructor, methods taking &self, &mut self and self.
#[derive(Debug, Clone)]
struct Stack {
    items: Vec<String>,
    name: String,
}

impl Stack {
    fn new(name: &str) -> Self {
        Stack { items: Vec::new(), name: String::from(name) }
    }

    fn push(&mut self, item: &str) {
        self.items.push(item.to_string());
    }

    fn peek(&self) -> Option<&String> {
        if self.items.len() == 0 {
            None
        } else {
            Some(&self.items[self.items.len() - 1])
        }
    }

    fn size(&self) -> usize {
        self.items.len()
    }

    fn into_name(self) -> String {
        self.name
    }
}

struct Counter {
    n: u32,
}

impl Counter {
    fn tick(&mut self) -> u32 {
        self.n += 1;
        self.n
    }
}

fn main() {
    let mut s = Stack::new("tasks");
    s.push("write");
    s.push("test");
    println!("{} {:?}", s.size(), s.peek());
    let copy = s.clone();
    let name = s.into_name();
    println!("{} {}", name, copy.size());
    let mut c = Counter { n: 0 };
    c.tick();
    c.tick();
    println!("{}", c.tick());
    let boxed = Box::new(Counter { n: 10 });
    let mut b = boxed;
    println!("{}", b.tick());
}
