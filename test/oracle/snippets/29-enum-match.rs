// An enum value is one of its variants; match must handle every variant.
enum Direction {
    North,
    East,
    South,
    West,
}

fn turn_right(d: Direction) -> Direction {
    match d {
        Direction::North => Direction::East,
        Direction::East => Direction::South,
        Direction::South => Direction::West,
        Direction::West => Direction::North,
    }
}

fn degrees(d: &Direction) -> i32 {
    match d {
        Direction::North => 0,
        Direction::East => 90,
        Direction::South => 180,
        Direction::West => 270,
    }
}

fn main() {
    let mut d = Direction::North;
    for _ in 0..3 {
        d = turn_right(d);
        println!("{}", degrees(&d));
    }
}
