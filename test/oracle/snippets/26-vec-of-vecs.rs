// A Vec of Vecs: the outer buffer holds inner Vec headers, each inner Vec has its own heap block.
fn main() {
    let mut grid = Vec::new();
    for row in 0..3 {
        let mut line = Vec::new();
        for col in 0..4 {
            line.push(row * 10 + col);
        }
        grid.push(line);
    }
    for line in &grid {
        println!("{} {} {} {}", line[0], line[1], line[2], line[3]);
    }
    println!("{} rows of {}", grid.len(), grid[0].len());
}
