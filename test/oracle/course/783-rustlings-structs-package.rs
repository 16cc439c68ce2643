// Adapted from: rustlings, exercises/07_structs/structs3.rs — https://github.com/rust-lang/rustlings/tree/main/exercises/07_structs
// teaches: a struct holding Strings, a constructor that panics on bad input, methods borrowing self
#[derive(Debug)]
struct Package {
    sender_country: String,
    recipient_country: String,
    weight_in_grams: u32,
}

impl Package {
    fn new(sender_country: String, recipient_country: String, weight_in_grams: u32) -> Self {
        if weight_in_grams < 10 {
            panic!("Can't ship a package with weight below 10 grams");
        }
        Self { sender_country, recipient_country, weight_in_grams }
    }

    fn is_international(&self) -> bool {
        self.sender_country != self.recipient_country
    }

    fn get_fees(&self, cents_per_gram: u32) -> u32 {
        self.weight_in_grams * cents_per_gram
    }
}

fn main() {
    let local = Package::new(String::from("Canada"), String::from("Canada"), 1200);
    let abroad = Package::new(String::from("Spain"), "Russia".to_string(), 1500);
    for p in [&local, &abroad] {
        println!("{} -> {}: international {}, fees {}", p.sender_country, p.recipient_country, p.is_international(), p.get_fees(3));
    }
    println!("{:?}", abroad);
    let too_light = Package::new(String::from("Mexico"), String::from("Peru"), 5);
    println!("unreachable {}", too_light.weight_in_grams);
}
