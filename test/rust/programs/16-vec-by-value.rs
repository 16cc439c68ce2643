// A for loop over a Vec by value consumes it: each String moves into the loop variable and is freed per iteration.
fn main() {
    let words = vec![String::from("one"), String::from("two"), String::from("three")];
    let mut lengths = Vec::new();
    for w in words {
        lengths.push(w.len());
    }
    println!("{:?}", lengths);
    let nums = vec![1, 2, 3, 4];
    let mut sum = 0;
    for n in nums.iter() {
        sum += n;
    }
    println!("{}", sum);
    let rows = vec![vec![1, 2], vec![3]];
    for row in rows {
        println!("{}", row.len());
    }
}
