// Adapted from: Comprehensive Rust, "Methods and Traits: Exercise: Generic Logger" — https://google.github.io/comprehensive-rust/methods-and-traits/exercise.html
// teaches: a trait implemented by a struct wrapping another generic implementor (a filter in front of a logger)
trait Logger {
    fn log(&self, verbosity: u8, message: &str);
}

struct StderrLogger;

impl Logger for StderrLogger {
    fn log(&self, verbosity: u8, message: &str) {
        println!("verbosity={verbosity}: {message}");
    }
}

struct VerbosityFilter<L> {
    max_verbosity: u8,
    inner: L,
}

impl<L: Logger> Logger for VerbosityFilter<L> {
    fn log(&self, verbosity: u8, message: &str) {
        if verbosity <= self.max_verbosity {
            self.inner.log(verbosity, message);
        }
    }
}

fn main() {
    let logger = VerbosityFilter { max_verbosity: 3, inner: StderrLogger };
    let messages = vec![(5, String::from("FYI")), (2, String::from("Uhoh")), (3, format!("{} items", 7))];
    for (v, m) in &messages {
        logger.log(*v, m);
    }
}
