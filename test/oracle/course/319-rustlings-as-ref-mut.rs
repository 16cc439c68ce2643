// Adapted from: rustlings, exercises/23_conversions/as_ref_mut.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/23_conversions
// teaches: generic functions over AsRef<str> (String and &str) and AsMut<u32> (Box<u32>)
fn byte_counter<T: AsRef<str>>(arg: T) -> usize {
    arg.as_ref().as_bytes().len()
}

fn char_counter<T: AsRef<str>>(arg: T) -> usize {
    arg.as_ref().chars().count()
}

fn num_sq<T: AsMut<u32>>(arg: &mut T) {
    let n = arg.as_mut();
    *n = *n * *n;
}

fn main() {
    let s = "Café au lait";
    println!("{} {} {} {}", byte_counter(s), char_counter(s), byte_counter(s.to_string()), char_counter(String::from(s)));
    let mut num: Box<u32> = Box::new(3);
    num_sq(&mut num);
    println!("{}", *num);
}
