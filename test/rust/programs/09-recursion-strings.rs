// Recursion that builds Strings: every frame owns its own temporary text.
fn repeat(s: &str, n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        let mut rest = repeat(s, n - 1);
        rest.push_str(s);
        rest
    }
}

fn count_down(n: i32) {
    if n > 0 {
        let label = format!("{}...", n);
        println!("{}", label);
        count_down(n - 1);
    }
}

fn main() {
    let r = repeat("ab", 5);
    println!("{} {}", r, r.capacity());
    count_down(3);
}
