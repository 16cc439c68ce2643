// Two &mut references to different variables: a function can swap their values through *.
fn swap(a: &mut i32, b: &mut i32) {
    let tmp = *a;
    *a = *b;
    *b = tmp;
}

fn main() {
    let mut x = 1;
    let mut y = 2;
    swap(&mut x, &mut y);
    println!("{} {}", x, y);
    let mut v = vec![5, 1, 4];
    let mut i = 0;
    while i < v.len() {
        v[i] = v[i] * 2;
        i += 1;
    }
    println!("{} {} {}", v[0], v[1], v[2]);
}
