// A char is 4 bytes on the stack; pushing it into a String stores its 1-4 UTF-8 bytes on the heap.
fn main() {
    let c = 'a';
    let d = 'z';
    println!("{} {} {}", c, d, c < d);
    let mut word = String::new();
    word.push('R');
    word.push('u');
    word.push('s');
    word.push('t');
    word.push('é');
    println!("{} has {} bytes", word, word.len());
}
