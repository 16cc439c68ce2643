// Adapted from: Comprehensive Rust, "Comparisons" (PartialEq, PartialOrd) — https://google.github.io/comprehensive-rust/std-traits/comparisons.html
// teaches: derived PartialOrd compares fields in order, enums by variant then payload; tuples and Option likewise
#[derive(Debug, PartialEq, PartialOrd)]
struct Version {
    major: u32,
    minor: u32,
}

#[derive(Debug, PartialEq, PartialOrd)]
enum Level {
    Low,
    High(u8),
}

fn main() {
    let a = Version { major: 1, minor: 9 };
    let b = Version { major: 2, minor: 0 };
    println!("{} {} {}", a < b, a > b, a <= Version { major: 1, minor: 9 });
    println!("{} {} {}", Level::Low < Level::High(0), Level::High(3) > Level::High(2), Level::High(1) >= Level::Low);
    println!("{} {}", (1, "b") < (1, "c"), (2, 0) > (1, 99));
    println!("{} {} {}", None < Some(0), Some(5) > Some(4), Some(1) <= None);
    let mut versions = vec![b, a, Version { major: 1, minor: 2 }];
    versions.sort_by(|x, y| x.partial_cmp(y).unwrap());
    println!("{versions:?}");
}
