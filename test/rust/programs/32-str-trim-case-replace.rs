// Our own program: str methods that return a view (trim) or a new String (case maps, replace, repeat)
// teaches: trim borrows the same bytes; to_uppercase/replace/repeat allocate as std 1.95 sizes them
fn main() {
    let padded = String::from("  Hello, Wörld!\t\n");
    let t = padded.trim();
    println!("[{}] [{}] [{}]", t, padded.trim_start(), "  x  ".trim_end());
    let up = t.to_uppercase();
    let low = "MiXeD ÄÖ".to_lowercase();
    let sharp = "straße".to_uppercase();
    println!("{} {} {} {}", up, low, sharp, sharp.len());
    let a = "I think cars are cool cars".replace("cars", "balloons");
    let b = "hello world".replace("l", "L");
    let c = "aaa-bbb".replace("-", "");
    let d = "banana".replace("ana", "x");
    let e = "abc".replace("", "-");
    println!("{} {} {} {} {}", a, b, c, d, e);
    let r = "bar".repeat(5);
    let z = "bar".repeat(0);
    println!("{} [{}] {}", r, z, "".to_uppercase().len());
}
