// Adapted from: The Rust Programming Language, ch. 5.1 "Defining and Instantiating Structs" — https://doc.rust-lang.org/book/ch05-01-defining-structs.html
// teaches: structs with String fields, field init shorthand, struct update syntax moving a field
struct User {
    active: bool,
    username: String,
    email: String,
    sign_in_count: u64,
}

fn build_user(email: String, username: String) -> User {
    User { active: true, username, email, sign_in_count: 1 }
}

fn main() {
    let mut user1 = build_user(String::from("someone@example.com"), String::from("someusername123"));
    user1.email = String::from("anotheremail@example.com");
    let user2 = User { email: String::from("another@example.com"), ..user1 };
    println!("{} {} {} {}", user2.active, user2.username, user2.email, user2.sign_in_count);
    println!("user1 still has its email: {}", user1.email);
}
