// Adapted from: rustlings, exercises/15_traits/traits4.rs and traits5.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/15_traits
// teaches: a trait with a provided method, `impl Trait` arguments (each call its own instance), `impl A + B` requiring two traits
trait Licensed {
    fn licensing_info(&self) -> String {
        "Default license".to_string()
    }
}

struct SomeSoftware {
    version_number: i32,
}

struct OtherSoftware {
    version_number: String,
}

impl Licensed for SomeSoftware {}
impl Licensed for OtherSoftware {}

fn compare_license_types(software1: impl Licensed, software2: impl Licensed) -> bool {
    software1.licensing_info() == software2.licensing_info()
}

trait SomeTrait {
    fn some_function(&self) -> bool {
        true
    }
}

trait OtherTrait {
    fn other_function(&self) -> bool {
        true
    }
}

struct SomeStruct;
impl SomeTrait for SomeStruct {}
impl OtherTrait for SomeStruct {}

fn some_func(item: impl SomeTrait + OtherTrait) -> bool {
    item.some_function() && item.other_function()
}

fn main() {
    let some = SomeSoftware { version_number: 1 };
    let other = OtherSoftware { version_number: "v2.0.0".to_string() };
    println!("{} {}", some.version_number, other.version_number);
    println!("{}", compare_license_types(some, other));
    println!("{}", some_func(SomeStruct));
}
