// Smaller things rustc settles: a Vec::new() argument whose element type only an AsMut / AsRef
// bound names, zip(..).rev() over two exact-size iterators of unequal length (the longer one cut
// from its back), a closure's tuple pattern through `&(&str, &i32)` (its names bind `&&i32`),
// f64 arithmetic with float literals, and sort() on a type deriving Ord: the base
// of targeted mutants in test/rust/targeted-mutants.ts (same verdict as rustc).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    major: u32,
    minor: u32,
}

fn bump<T: AsMut<Vec<i32>>>(mut log: T) -> usize {
    log.as_mut().push(1);
    log.as_mut().push(2);
    log.as_mut().len()
}

fn total<T: AsRef<[i32]>>(items: T) -> i32 {
    items.as_ref().iter().sum()
}

fn main() {
    println!("{} {} {}", bump(Vec::new()), total(Vec::new()), total(vec![3, 4]));

    let names = vec![String::from("ann"), String::from("bob"), String::from("cy")];
    let ages = [31, 42];
    for (name, age) in names.into_iter().zip(ages.iter()).rev() {
        println!("{} is {}", name, age);
    }
    let ages_by_name: Vec<(&str, &i32)> = vec![("ann", &ages[0]), ("bob", &ages[1])];
    let oldest = ages_by_name.iter().max_by_key(|(_, age)| **age).map(|(name, _)| *name);
    println!("{:?}", oldest);

    let price: f64 = 2.5;
    let scaled = price * 2.0;
    let mut sum = scaled + price;
    sum += 0.5;
    println!("{} {}", scaled, sum);

    let mut versions = vec![Version { major: 1, minor: 2 }, Version { major: 0, minor: 9 }];
    versions.sort();
    println!("{:?}", versions);
}
