// Adapted from: The Rust Programming Language, ch. 15.3 "Running Code on Cleanup with the Drop Trait" — https://doc.rust-lang.org/book/ch15-03-drop.html
// teaches: Drop::drop runs before the fields' buffers are freed; reverse declaration order; std::mem::drop early
struct CustomSmartPointer {
    data: String,
}

impl Drop for CustomSmartPointer {
    fn drop(&mut self) {
        println!("Dropping CustomSmartPointer with data `{}`!", self.data);
    }
}

fn main() {
    let _c = CustomSmartPointer { data: String::from("my stuff") };
    let _d = CustomSmartPointer { data: String::from("other stuff") };
    let e = CustomSmartPointer { data: String::from("dropped early") };
    println!("CustomSmartPointers created.");
    drop(e);
    println!("CustomSmartPointer dropped before the end of main.");
}
