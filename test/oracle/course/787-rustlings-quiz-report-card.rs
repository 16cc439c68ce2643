// Adapted from: rustlings, exercises/quizzes/quiz3.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/quizzes
// teaches: a generic struct ReportCard<T: Display> printed through format!, one instance per grade type
use std::fmt::Display;

struct ReportCard<T> {
    grade: T,
    student_name: String,
    student_age: u8,
}

impl<T: Display> ReportCard<T> {
    fn print(&self) -> String {
        format!("{} ({}) - achieved a grade of {}", &self.student_name, &self.student_age, &self.grade)
    }
}

fn main() {
    let numeric = ReportCard { grade: 2.1, student_name: "Tom Wriggle".to_string(), student_age: 12 };
    let letter = ReportCard { grade: String::from("A+"), student_name: String::from("Gary Plotter"), student_age: 11 };
    let lines = vec![numeric.print(), letter.print()];
    for l in &lines {
        println!("{l} [{} bytes]", l.len());
    }
}
