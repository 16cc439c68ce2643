// Labeled loops break out of the outer loop; assert! checks hold; {0} names an argument by position.
fn main() {
    let mut found = (0, 0);
    'outer: for i in 1..10 {
        for j in 1..10 {
            let label = format!("{}x{}", i, j);
            if i * j == 42 {
                found = (i, j);
                println!("{}", label);
                break 'outer;
            }
            if j > i {
                continue 'outer;
            }
        }
    }
    assert!(found.0 * found.1 == 42);
    assert_eq!(found, (6, 7));
    println!("{0} times {1} is {2}, {0} again", found.0, found.1, found.0 * found.1);
    let mut n = 0;
    let total = 'count: loop {
        n += 1;
        let mut k = 0;
        while k < 100 {
            k += 10;
            if n * k > 250 {
                break 'count n * k;
            }
        }
    };
    println!("{} {}", n, total);
}
