// Values are dropped at the end of their scope, in reverse order of declaration; inner scopes end first.
fn main() {
    let a = String::from("a");
    {
        let b = String::from("bb");
        let c = String::from("ccc");
        println!("inner: {} {}", b, c);
    }
    let d = String::from("dddd");
    println!("outer: {} {}", a, d);
}
