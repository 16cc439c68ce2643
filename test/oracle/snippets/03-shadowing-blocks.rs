// Shadowing makes a new variable with the same name; a block is an expression whose value is its last line.
fn main() {
    let x = 5;
    let x = x * 2;
    {
        let x = x + 100;
        println!("inner x = {}", x);
    }
    println!("outer x = {}", x);
    let y = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println!("y = {}", y);
    let spaces = "   ";
    let spaces = spaces.len();
    println!("spaces = {}", spaces);
}
