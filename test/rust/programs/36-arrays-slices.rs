// Arrays on the stack ([T; N] literals, [x; N], len, indexing, for by value and by reference),
// slices (&a[1..3], &v[..2], &mut [T] parameters, get/first/last, swap, reverse, sort) and
// Vec methods that add, split and reorder (resize, extend_from_slice, extend, split_off, dedup, join).
fn total(xs: &[i32]) -> i32 {
    let mut sum = 0;
    for x in xs {
        sum += x;
    }
    sum
}

fn bump(xs: &mut [i32]) {
    for i in 0..xs.len() {
        xs[i] += 100;
    }
    xs.swap(0, 1);
}

fn main() {
    let mut a = [5, 3, 9, 1];
    let zeros = [0u8; 6];
    println!("{:?} {:?} len {} {}", a, zeros, a.len(), zeros.len());
    a.sort();
    println!("{:?} first {:?} last {:?} get {:?} {:?}", a, a.first(), a.last(), a.get(2), a.get(7));
    let middle = &a[1..3];
    println!("{:?} {} {}", middle, middle.len(), total(middle));
    bump(&mut a[..2]);
    println!("{:?} {}", a, total(&a));
    let words = ["one", "two", "three"];
    for w in words {
        print!("{w} ");
    }
    println!("{}", words.join("-"));
    let mut v = vec![3, 1, 3, 3, 2];
    v.resize(7, 8);
    v.dedup();
    v.extend_from_slice(&[4, 4]);
    v.extend(vec![6, 7]);
    v.reverse();
    println!("{:?} cap {} total {}", v, v.capacity(), total(&v));
    let tail = v.split_off(2);
    println!("{:?} {:?} {} {}", v, tail, tail.capacity(), v.contains(&4));
    let mut names = vec![String::from("b"), String::from("a")];
    names.resize(4, String::from("c"));
    names.sort();
    names.swap(0, 3);
    println!("{} {}", names.concat(), names.join(", "));
    let grid = [[1, 2], [3, 4]];
    println!("{:?} {}", grid, grid[1][0]);
}
