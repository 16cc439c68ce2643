// Adapted from: Comprehensive Rust, "User-Defined Types: Exercise: Elevator Events" — https://google.github.io/comprehensive-rust/user-defined-types/exercise.html
// teaches: enums nesting enums, constructor functions, {:?} of a Vec of events
#[derive(Debug)]
enum Direction {
    Up,
    Down,
}

#[derive(Debug)]
enum Event {
    ButtonPressed(Button),
    CarArrived(Floor),
    CarDoorOpened,
    CarDoorClosed,
}

type Floor = i32;

#[derive(Debug)]
enum Button {
    LobbyCall(Direction, Floor),
    CarFloor(Floor),
}

fn car_arrived(floor: i32) -> Event {
    Event::CarArrived(floor)
}

fn lobby_call_button_pressed(floor: i32, dir: Direction) -> Event {
    Event::ButtonPressed(Button::LobbyCall(dir, floor))
}

fn main() {
    let mut events = Vec::new();
    events.push(lobby_call_button_pressed(0, Direction::Up));
    events.push(car_arrived(0));
    events.push(Event::CarDoorOpened);
    events.push(Event::ButtonPressed(Button::CarFloor(3)));
    events.push(Event::CarDoorClosed);
    events.push(lobby_call_button_pressed(3, Direction::Down));
    for e in &events {
        println!("{e:?}");
    }
}
