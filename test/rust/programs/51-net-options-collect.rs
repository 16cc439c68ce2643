// std::net::Ipv4Addr (parse, Display, octets, is_private, u32 conversions), a HashMap consumed by
// into_iter().collect(), Option's or/get_or_insert_with, collect into Result<Vec<_>, _>,
// partition, fns as values (String::from, an associated fn, Result::unwrap), T::from, and sort
// of a derived-Ord struct: the base of this round's targeted mutants (same verdict as rustc).
use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::num::ParseIntError;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Host {
    addr: Ipv4Addr,
    name: String,
}

#[derive(Debug)]
enum ConfigError {
    Number(ParseIntError),
}

impl ConfigError {
    fn from_int(e: ParseIntError) -> Self {
        ConfigError::Number(e)
    }
}

fn port(text: &str) -> Result<u16, ConfigError> {
    let n: u16 = text.trim().parse().map_err(ConfigError::from_int)?;
    Ok(n)
}

fn main() {
    let home: Ipv4Addr = "192.168.1.20".parse().unwrap();
    let gateway = Ipv4Addr::new(192, 168, 1, 1);
    println!("{home} {gateway:?} {:?} private={} {}", home.octets(), home.is_private(), u32::from(gateway));
    let mut hosts = vec![
        Host { addr: home, name: String::from("laptop") },
        Host { addr: gateway, name: "router".to_string() },
        Host { addr: Ipv4Addr::from(0x0a000001), name: String::from("vpn") },
    ];
    hosts.sort();
    for h in &hosts {
        println!("{:>15} {}", h.addr, h.name);
    }

    let mut seen = HashMap::new();
    seen.insert("tcp", 3);
    let pairs: Vec<(&str, i32)> = seen.into_iter().collect();
    println!("{:?}", pairs);

    let mut label: Option<String> = None;
    label.get_or_insert_with(String::new).push_str("eth0");
    let chosen = None.or(label);
    println!("{:?}", chosen);

    let ports: Result<Vec<u16>, ConfigError> = ["80", " 443", "8080"].iter().map(|t| port(t)).collect();
    println!("{:?}", ports);
    let bad: Result<Vec<u16>, ConfigError> = ["22", "ssh"].iter().map(|t| port(t)).collect();
    println!("{:?}", bad.is_err());

    let names: Vec<String> = ["a", "bb", "ccc"].iter().copied().map(String::from).collect();
    let (short, long): (Vec<String>, Vec<String>) = names.into_iter().partition(|n| n.len() < 2);
    println!("{short:?} {long:?}");
    let parsed: Vec<i32> = vec!["1", "2"].into_iter().map(|s| s.parse::<i32>()).map(Result::unwrap).collect();
    println!("{:?} {}", parsed, i64::from(parsed[0]) + i64::from(true));
}
