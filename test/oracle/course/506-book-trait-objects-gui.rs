// Adapted from: The Rust Programming Language, ch. 18.2 "Using Trait Objects to Abstract over Shared Behavior" — https://doc.rust-lang.org/book/ch18-02-trait-objects.html
// teaches: Vec<Box<dyn Draw>> of different types (each Box a 16-byte fat pointer), dynamic dispatch, &dyn Draw arguments, a returned Box<dyn Draw>
trait Draw {
    fn draw(&self) -> String;
    fn area(&self) -> u32 {
        0
    }
}

struct Button {
    width: u32,
    height: u32,
    label: String,
}

struct SelectBox {
    width: u32,
    options: Vec<String>,
}

struct Divider;

impl Draw for Button {
    fn draw(&self) -> String {
        format!("[{}] {}x{}", self.label, self.width, self.height)
    }
    fn area(&self) -> u32 {
        self.width * self.height
    }
}

impl Draw for SelectBox {
    fn draw(&self) -> String {
        format!("<select {} options, width {}>", self.options.len(), self.width)
    }
}

impl Draw for Divider {
    fn draw(&self) -> String {
        String::from("----")
    }
}

struct Screen {
    components: Vec<Box<dyn Draw>>,
}

impl Screen {
    fn run(&self) -> u32 {
        let mut total = 0;
        for component in self.components.iter() {
            println!("{}", component.draw());
            total += component.area();
        }
        total
    }
}

fn describe(item: &dyn Draw) -> usize {
    item.draw().len()
}

fn pick(fancy: bool) -> Box<dyn Draw> {
    if fancy {
        return Box::new(Button { width: 4, height: 2, label: String::from("OK") });
    }
    Box::new(Divider)
}

fn main() {
    let screen = Screen {
        components: vec![
            Box::new(SelectBox { width: 75, options: vec![String::from("Yes"), String::from("No")] }),
            Box::new(Button { width: 50, height: 10, label: String::from("Submit") }),
            Box::new(Divider),
        ],
    };
    let total = screen.run();
    let b = Button { width: 1, height: 1, label: String::from("x") };
    println!("area {} chars {} {}", total, describe(&b), describe(&Divider));
    let chosen = pick(true);
    println!("{}", chosen.draw());
}
