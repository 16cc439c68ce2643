// Adapted from: Comprehensive Rust, "Trait Objects" (sizes of &dyn and Box<dyn>) — https://google.github.io/comprehensive-rust/smart-pointers/trait-objects.html
// teaches: std::mem::size_of and size_of_val on thin and fat pointers, slices and Strings
use std::fmt::Display;
use std::mem::{size_of, size_of_val};

fn main() {
    let n: u16 = 7;
    let text = String::from("hello");
    let shown: &dyn Display = &n;
    let boxed: Box<dyn Display> = Box::new(text.clone());
    let slice: &[u32] = &[1, 2, 3];
    println!("u16 {} String {} &str {}", size_of::<u16>(), size_of_val(&text), size_of::<&str>());
    println!("&dyn {} Box<dyn> {} slice {} bytes {}", size_of_val(&shown), size_of_val(&boxed), size_of_val(&slice), size_of_val(slice));
    println!("{shown} {boxed} {:?}", slice);
}
