// Adapted from: Comprehensive Rust, "Iterators: Exercise: Iterator Method Chaining" and "Iterator" — https://google.github.io/comprehensive-rust/iterators/exercise.html
// teaches: cycle() restarts a cloned iterator; zip stops at the shorter side; take bounds an endless cycle; collect's capacity follows size_hint
fn main() {
    let colours = ["red", "green", "blue"];
    let players = vec![String::from("Ann"), String::from("Bo"), String::from("Cy"), String::from("Di"), String::from("Ed")];
    let teams: Vec<String> = players.iter().zip(colours.iter().cycle()).map(|(p, c)| format!("{p}:{c}")).collect();
    println!("{teams:?}");
    let rounds: Vec<u32> = (1..4).cycle().take(7).collect();
    println!("{rounds:?} (capacity {})", rounds.capacity());
    let diffs: Vec<i64> = [10i64, 4, 7].iter().zip([1i64, 2, 3].iter().cycle().skip(1)).map(|(a, b)| a - b).collect();
    println!("{diffs:?} (capacity {})", diffs.capacity());
    let total: i32 = [1, 2].iter().cycle().take(5).sum();
    println!("{total}");
}
