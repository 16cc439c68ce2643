// Adapted from: The Rust Programming Language, ch. 13.1 "Moving Captured Values Out of Closures and the Fn Traits" (sort_by_key) — https://doc.rust-lang.org/book/ch13-01-closures.html
// teaches: sorting 100 records by a key and by a comparator: past 20 elements std's stable sort takes a scratch buffer (on the heap once it outgrows 4 KiB); sort_unstable_by takes none
#[derive(Debug)]
struct Reading {
    station: String,
    day: u64,
    low: i64,
    high: i64,
    rain: f64,
}

fn main() {
    let mut readings: Vec<Reading> = Vec::new();
    for i in 0..100u64 {
        let seed = (i * 37 + 11) % 101;
        readings.push(Reading { station: format!("S{}", seed % 7), day: i, low: (seed as i64) - 50, high: (seed as i64) - 20, rain: (seed % 13) as f64 / 4.0 });
    }
    readings.sort_by_key(|r| r.low);
    println!("coldest: {:?}", readings[0]);
    readings.sort_by(|a, b| b.rain.partial_cmp(&a.rain).unwrap().then(a.day.cmp(&b.day)));
    println!("wettest days: {:?}", readings.iter().take(5).map(|r| r.day).collect::<Vec<_>>());
    readings.sort_unstable_by(|a, b| a.high.cmp(&b.high));
    println!("range {}..{} over {} readings", readings[0].high, readings[99].high, readings.len());
    let mut days: Vec<(u64, i64)> = readings.iter().map(|r| (r.day, r.high - r.low)).collect();
    days.sort_by_key(|&(day, _)| day);
    println!("{:?} {}", days[0], days.len());
    let stations = readings.iter().filter(|r| r.station == "S3").count();
    println!("{stations} readings at S3");
}
