// A Vec of Boxes: the Vec's buffer holds pointers, each Box points to its own heap block.
fn main() {
    let mut boxes = Vec::new();
    for i in 0..5 {
        boxes.push(Box::new(i * 100));
    }
    let mut sum = 0;
    for b in &boxes {
        sum += **b;
    }
    println!("{} boxes, sum {}", boxes.len(), sum);
}
