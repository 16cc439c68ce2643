// vec![..] allocates exactly its elements; indexing reads them; for over &v borrows each element.
fn main() {
    let scores = vec![90, 72, 85, 64];
    println!("first {} last {}", scores[0], scores[3]);
    let mut total = 0;
    for s in &scores {
        total += *s;
    }
    println!("total {} of {} scores, capacity {}", total, scores.len(), scores.capacity());
    let zeros = vec![0; 5];
    println!("{} {}", zeros.len(), zeros[4]);
}
