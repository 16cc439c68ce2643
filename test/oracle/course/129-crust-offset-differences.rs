// Adapted from: Comprehensive Rust, "Iterators: Exercise: Iterator Method Chaining" — https://google.github.io/comprehensive-rust/iterators/exercise.html
// teaches: zip with cycle().skip(offset), map, collect into Vec<N> for a generic N
fn offset_differences<N>(offset: usize, values: Vec<N>) -> Vec<N>
where
    N: Copy + std::ops::Sub<Output = N>,
{
    let a = (&values).into_iter();
    let b = (&values).into_iter().cycle().skip(offset);
    a.zip(b).map(|(a, b)| *b - *a).collect()
}

fn main() {
    println!("{:?}", offset_differences(1, vec![1, 3, 5, 7]));
    println!("{:?}", offset_differences(2, vec![1, 3, 5, 7]));
    println!("{:?}", offset_differences(1, vec![0.5, 2.0]));
}
