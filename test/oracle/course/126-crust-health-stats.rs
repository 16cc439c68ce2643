// Adapted from: Comprehensive Rust, "Borrowing: Exercise: Health Statistics" — https://google.github.io/comprehensive-rust/borrowing/exercise.html
// teaches: &mut self methods updating fields, a Vec of measurements inside a struct
struct User {
    name: String,
    age: u32,
    height: f32,
    visit_count: usize,
    last_blood_pressure: Option<(u32, u32)>,
}

struct Measurements {
    height: f32,
    blood_pressure: (u32, u32),
}

struct HealthReport<'a> {
    patient_name: &'a str,
    visit_count: u32,
    height_change: f32,
    blood_pressure_change: Option<(i32, i32)>,
}

impl User {
    fn new(name: String, age: u32, height: f32) -> Self {
        Self { name, age, height, visit_count: 0, last_blood_pressure: None }
    }

    fn visit_doctor(&mut self, measurements: Measurements) -> HealthReport {
        self.visit_count += 1;
        let bp = measurements.blood_pressure;
        let report = HealthReport {
            patient_name: &self.name,
            visit_count: self.visit_count as u32,
            height_change: measurements.height - self.height,
            blood_pressure_change: match self.last_blood_pressure {
                Some(lbp) => Some((bp.0 as i32 - lbp.0 as i32, bp.1 as i32 - lbp.1 as i32)),
                None => None,
            },
        };
        self.height = measurements.height;
        self.last_blood_pressure = Some(bp);
        report
    }
}

fn main() {
    let mut bob = User::new(String::from("Bob"), 32, 155.2);
    let first = bob.visit_doctor(Measurements { height: 156.1, blood_pressure: (120, 80) });
    println!("{} visit {} change {:.1} bp {:?}", first.patient_name, first.visit_count, first.height_change, first.blood_pressure_change);
    let second = bob.visit_doctor(Measurements { height: 156.1, blood_pressure: (115, 76) });
    println!("{} visit {} change {:.1} bp {:?}", second.patient_name, second.visit_count, second.height_change, second.blood_pressure_change);
    println!("age {}", bob.age);
}
