// Adapted from: Rust by Example, "Program arguments" / std::process::exit (exit codes) — https://doc.rust-lang.org/std/process/fn.exit.html
// teaches: std::process::exit ends the program at once with a status: no destructors run, the heap is not freed
use std::process;

fn check(values: &[i32]) -> Result<i32, String> {
    let mut total = 0;
    for v in values {
        if *v < 0 {
            return Err(format!("negative value {v}"));
        }
        total += v;
    }
    Ok(total)
}

fn main() {
    let data = vec![3, 4, -1];
    println!("{:?}", check(&data[..2]));
    match check(&data) {
        Ok(t) => println!("total {t}"),
        Err(e) => {
            println!("error: {e}");
            process::exit(3);
        }
    }
}
