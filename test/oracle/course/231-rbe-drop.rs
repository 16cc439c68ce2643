// Adapted from: Rust by Example, "Drop" — https://doc.rust-lang.org/rust-by-example/trait/drop.html
// teaches: Drop messages show when each value dies: nested blocks, manual drop, reverse order at main's end
struct Droppable {
    name: &'static str,
    payload: Vec<u8>,
}

impl Drop for Droppable {
    fn drop(&mut self) {
        println!("> Dropping {} ({} bytes)", self.name, self.payload.len());
    }
}

fn main() {
    let _a = Droppable { name: "a", payload: vec![1] };
    {
        let _b = Droppable { name: "b", payload: vec![1, 2] };
        {
            let _c = Droppable { name: "c", payload: vec![] };
            let _d = Droppable { name: "d", payload: vec![4; 4] };
            println!("Exiting block B");
        }
        println!("Just exited block B");
        println!("Exiting block A");
    }
    println!("Just exited block A");
    drop(_a);
    println!("end of the main function");
}
