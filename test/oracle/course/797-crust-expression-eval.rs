// Adapted from: Comprehensive Rust, "Exercise: Expression Evaluation" — https://google.github.io/comprehensive-rust/pattern-matching/exercise.html
// teaches: a recursive enum with Box'd operands, match on nested variants, Result for division by zero, the boxes freed as the tree drops
enum Operation {
    Add,
    Sub,
    Mul,
    Div,
}

enum Expression {
    Op { op: Operation, left: Box<Expression>, right: Box<Expression> },
    Value(i64),
}

fn eval(e: &Expression) -> Result<i64, String> {
    match e {
        Expression::Op { op, left, right } => {
            let left = eval(left)?;
            let right = eval(right)?;
            Ok(match op {
                Operation::Add => left + right,
                Operation::Sub => left - right,
                Operation::Mul => left * right,
                Operation::Div => {
                    if right == 0 {
                        return Err(String::from("division by zero"));
                    }
                    left / right
                }
            })
        }
        Expression::Value(v) => Ok(*v),
    }
}

fn main() {
    let tree = Expression::Op {
        op: Operation::Sub,
        left: Box::new(Expression::Value(20)),
        right: Box::new(Expression::Op {
            op: Operation::Mul,
            left: Box::new(Expression::Value(10)),
            right: Box::new(Expression::Value(9)),
        }),
    };
    println!("{:?}", eval(&tree));
    let bad = Expression::Op { op: Operation::Div, left: Box::new(Expression::Value(99)), right: Box::new(Expression::Value(0)) };
    println!("{:?}", eval(&bad));
    let sum = Expression::Op { op: Operation::Add, left: Box::new(tree), right: Box::new(Expression::Value(1)) };
    println!("{:?}", eval(&sum));
}
