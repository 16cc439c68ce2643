// Changing elements in place: v[i].push_str(..), v[i] = .., insert and remove.
fn main() {
    let mut names = vec![String::from("ada"), String::from("alan")];
    names[0].push_str(" lovelace");
    names[1] = String::from("grace");
    names.push(String::from("barbara"));
    names.insert(1, String::from("edsger"));
    let removed = names.remove(2);
    println!("{} {:?}", removed, names);
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 7;
    grid[0].push(1);
    println!("{:?} {}", grid, grid[0].len());
    let mut nums = Vec::with_capacity(2);
    nums.push(1.5);
    nums.push(2.5);
    nums.push(3.0);
    let total: f64 = nums.iter().sum();
    println!("{} {} {}", total, nums.capacity(), nums.contains(&2.5));
    nums.truncate(1);
    nums.reserve(10);
    println!("{:?} {}", nums, nums.capacity());
    for x in &mut nums {
        *x = *x * 2.0;
    }
    println!("{:?}", nums);
}
