// A user trait with a provided method, implemented by two types; Drop runs before the fields drop, at scope end, on drop(x) and for Vec elements.
trait Describe {
    fn name(&self) -> String;
    fn loud(&self) -> bool;
    fn describe(&self) -> String {
        let n = self.name();
        if self.loud() {
            format!("{}!", n)
        } else {
            n
        }
    }
}

struct Noisy {
    label: String,
}

struct Quiet {
    id: u32,
}

impl Describe for Noisy {
    fn name(&self) -> String {
        self.label.clone()
    }
    fn loud(&self) -> bool {
        true
    }
}

impl Describe for Quiet {
    fn name(&self) -> String {
        format!("quiet {}", self.id)
    }
    fn loud(&self) -> bool {
        false
    }
    fn describe(&self) -> String {
        String::from("shh")
    }
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.label);
        self.label.push_str(" (gone)");
    }
}

fn main() {
    let a = Noisy { label: String::from("a") };
    let q = Quiet { id: 7 };
    println!("{} {} {}", a.describe(), q.describe(), q.name());
    let b = Noisy { label: String::from("b") };
    drop(b);
    let mut v = Vec::new();
    v.push(Noisy { label: String::from("v0") });
    v.push(Noisy { label: String::from("v1") });
    {
        let _inner = Noisy { label: String::from("inner") };
        println!("in block");
    }
    v.pop();
    println!("end of main {}", v.len());
}
