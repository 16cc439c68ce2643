// Adapted from: Rust by Example, "Generics: Implementation" — https://doc.rust-lang.org/rust-by-example/generics/impl.html
// teaches: impl for a concrete struct and impl<T> for a generic one; GenVal<String> owns a heap buffer
struct Val {
    val: f64,
}

struct GenVal<T> {
    gen_val: T,
}

impl Val {
    fn value(&self) -> &f64 {
        &self.val
    }
}

impl<T> GenVal<T> {
    fn value(&self) -> &T {
        &self.gen_val
    }
}

fn main() {
    let x = Val { val: 3.0 };
    let y = GenVal { gen_val: 3i32 };
    let z = GenVal { gen_val: String::from("generic") };
    let w = GenVal { gen_val: vec![1u64, 2, 3] };
    println!("{}, {}, {}, {:?}", x.value(), y.value(), z.value(), w.value());
}
