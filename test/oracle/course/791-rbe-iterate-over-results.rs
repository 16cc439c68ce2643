// Adapted from: Rust by Example, "Iterating over Results" — https://doc.rust-lang.org/rust-by-example/error/iter_result.html
// teaches: map(parse) gives Results; filter_map(Result::ok) drops failures; collect into Result<Vec<_>, _> stops at the first error; partition splits them
fn main() {
    let strings = vec!["tofu", "93", "18"];
    let numbers: Vec<i32> = strings.iter().filter_map(|s| s.parse::<i32>().ok()).collect();
    println!("filter_map: {:?}", numbers);

    let all: Result<Vec<i32>, std::num::ParseIntError> = strings.iter().map(|s| s.parse::<i32>()).collect();
    println!("collect: {:?}", all);
    let good = vec!["7", "11"];
    let fine: Result<Vec<i32>, std::num::ParseIntError> = good.iter().map(|s| s.parse::<i32>()).collect();
    println!("collect: {:?}", fine);

    let (oks, errs): (Vec<_>, Vec<_>) = strings.iter().map(|s| s.parse::<i32>()).partition(|r| r.is_ok());
    let oks: Vec<i32> = oks.into_iter().map(Result::unwrap).collect();
    let errs: Vec<_> = errs.into_iter().map(Result::unwrap_err).collect();
    println!("numbers: {:?}", oks);
    println!("errors: {:?}", errs);
}
