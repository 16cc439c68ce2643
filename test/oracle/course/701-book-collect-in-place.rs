// Adapted from: The Rust Programming Language, ch. 13.2 "Methods that Produce Other Iterators" (map and collect over into_iter) — https://doc.rust-lang.org/book/ch13-02-iterators.html
// teaches: collect from into_iter() reuses the Vec's buffer (no new allocation) when the items fit, shrinks it when they do not divide it, and allocates anew when they are larger
struct Order {
    item: String,
    qty: u64,
}

fn main() {
    let orders = vec![
        Order { item: String::from("tea"), qty: 2 },
        Order { item: String::from("bread"), qty: 1 },
    ];
    // 32-byte Orders become 24-byte Strings in the same buffer: 64 bytes shrink to 48.
    let names: Vec<String> = orders.into_iter().map(|o| o.item).collect();
    println!("{:?} capacity {}", names, names.capacity());

    let counts: Vec<u64> = vec![3, 1, 4, 1, 5, 9, 2, 6];
    // Same size and alignment: filtered in place, the capacity stays 8.
    let big: Vec<u64> = counts.into_iter().filter(|n| *n > 2).collect();
    println!("{:?} capacity {}", big, big.capacity());

    // A u64 does not fit a u32's alignment: a new buffer.
    let small: Vec<u32> = big.into_iter().map(|n| n as u32).collect();
    println!("{:?} capacity {}", small, small.capacity());

    let words = vec![String::from("a"), String::from("bb"), String::from("ccc"), String::from("dddd")];
    let mut words_left = words.into_iter();
    let first = words_left.next();
    // skip and take in place: the items not taken are dropped when collect ends.
    let middle: Vec<String> = words_left.skip(1).take(1).collect();
    println!("{:?} {:?} capacity {}", first, middle, middle.capacity());

    let letters = vec![String::from("x"), String::from("y"), String::from("z"), String::from("w")];
    let mut rest = letters.into_iter();
    rest.next();
    rest.next();
    rest.next();
    // Less than half left: collect copies the one String into a new Vec.
    let last: Vec<String> = rest.collect();
    println!("{:?} capacity {}", last, last.capacity());
}
