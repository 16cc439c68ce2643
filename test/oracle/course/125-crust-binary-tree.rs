// Adapted from: Comprehensive Rust, "Smart Pointers: Exercise: Binary Tree" — https://google.github.io/comprehensive-rust/smart-pointers/exercise.html
// teaches: Option<Box<Node<T>>> subtrees; insert recursing through &mut; Ord::cmp with match
use std::cmp::Ordering;

#[derive(Debug)]
struct Node<T: Ord> {
    value: T,
    left: Subtree<T>,
    right: Subtree<T>,
}

#[derive(Debug)]
struct Subtree<T: Ord>(Option<Box<Node<T>>>);

impl<T: Ord> Subtree<T> {
    fn new() -> Self {
        Self(None)
    }
    fn insert(&mut self, value: T) {
        match &mut self.0 {
            None => self.0 = Some(Box::new(Node { value, left: Subtree::new(), right: Subtree::new() })),
            Some(n) => match value.cmp(&n.value) {
                Ordering::Less => n.left.insert(value),
                Ordering::Equal => {}
                Ordering::Greater => n.right.insert(value),
            },
        }
    }
    fn has(&self, value: &T) -> bool {
        match &self.0 {
            None => false,
            Some(n) => match value.cmp(&n.value) {
                Ordering::Less => n.left.has(value),
                Ordering::Equal => true,
                Ordering::Greater => n.right.has(value),
            },
        }
    }
    fn len(&self) -> usize {
        match &self.0 {
            None => 0,
            Some(n) => 1 + n.left.len() + n.right.len(),
        }
    }
}

fn main() {
    let mut tree = Subtree::new();
    for v in [50, 30, 70, 30, 60, 80, 20] {
        tree.insert(v);
    }
    println!("len {} has 60 {} has 65 {}", tree.len(), tree.has(&60), tree.has(&65));
}
