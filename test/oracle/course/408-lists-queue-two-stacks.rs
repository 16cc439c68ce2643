// Adapted from: Learning Rust With Entirely Too Many Linked Lists, "The Double Singly-Linked List" (two stacks as one list) — https://rust-unofficial.github.io/too-many-lists/infinity-double-single.html
// teaches: a queue built from two Vec stacks: moving items from one to the other reuses the buffers
struct Queue<T> {
    input: Vec<T>,
    output: Vec<T>,
}

impl<T> Queue<T> {
    fn new() -> Self {
        Queue { input: Vec::new(), output: Vec::new() }
    }
    fn push(&mut self, elem: T) {
        self.input.push(elem);
    }
    fn pop(&mut self) -> Option<T> {
        if self.output.is_empty() {
            while let Some(x) = self.input.pop() {
                self.output.push(x);
            }
        }
        self.output.pop()
    }
}

fn main() {
    let mut q = Queue::new();
    for w in ["a", "b", "c"] {
        q.push(w.to_string());
    }
    println!("{:?}", q.pop());
    q.push(String::from("d"));
    let mut rest = Vec::new();
    while let Some(x) = q.pop() {
        rest.push(x);
    }
    println!("{rest:?}");
}
