// A program's own Iterator through std's provided methods (take, map, filter, sum, collect) and a
// for loop; sort_by_key on 30 elements with a key closure that only reads (std's stable sort,
// its scratch buffer on the stack), Ordering::reverse and then.
struct Countdown {
    left: u32,
}
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(self.left)
    }
}
fn main() {
    let total: u32 = Countdown { left: 6 }.filter(|n| n % 2 == 1).sum();
    let firsts: Vec<u32> = Countdown { left: 9 }.take(3).map(|n| n * 10).collect();
    println!("{total} {firsts:?} {}", firsts.capacity());
    for n in (Countdown { left: 3 }) {
        print!("{n};");
    }
    println!();
    let mut v: Vec<(u32, i64)> = (0..30).map(|i| (i, (i as i64 * 7) % 11)).collect();
    v.sort_by_key(|p| p.1);
    v.sort_by(|a, b| a.1.cmp(&b.1).reverse().then(a.0.cmp(&b.0)));
    println!("{:?} {:?}", v[0], v[29]);
}
