// Adapted from: Rust by Example, "Unpacking options with ?" — https://doc.rust-lang.org/rust-by-example/error/option_unwrap/question_mark.html
// teaches: ? on Option inside a fn returning Option, through nested structs of Option fields; a Box'd person
struct Person {
    job: Option<Job>,
}

#[derive(Clone, Copy)]
struct Job {
    phone_number: Option<PhoneNumber>,
}

#[derive(Clone, Copy)]
struct PhoneNumber {
    area_code: Option<u8>,
    number: u32,
}

impl Person {
    fn work_phone_area_code(&self) -> Option<u8> {
        self.job?.phone_number?.area_code
    }
}

fn describe(p: &Person) -> String {
    match p.work_phone_area_code() {
        Some(code) => format!("area code {code}"),
        None => String::from("no area code"),
    }
}

fn main() {
    let p = Box::new(Person {
        job: Some(Job { phone_number: Some(PhoneNumber { area_code: Some(61), number: 439222222 }) }),
    });
    let jobless = Box::new(Person { job: None });
    let unknown = Person { job: Some(Job { phone_number: Some(PhoneNumber { area_code: None, number: 1 }) }) };
    println!("{}", describe(&p));
    println!("{}", describe(&jobless));
    println!("{}", describe(&unknown));
    println!("{}", p.job.unwrap().phone_number.unwrap().number);
}
