// Adapted from: rustlings, exercises/11_hashmaps/hashmaps3.rs (football scores table) — https://github.com/rust-lang/rustlings/tree/main/exercises/11_hashmaps
// teaches: parsing "team,team,goals,goals" lines, HashMap<&str, Team> with entry().or_default(), sorted report
use std::collections::HashMap;

#[derive(Default, Debug)]
struct TeamScores {
    goals_scored: u8,
    goals_conceded: u8,
}

fn build_scores_table(results: &str) -> HashMap<&str, TeamScores> {
    let mut scores: HashMap<&str, TeamScores> = HashMap::new();
    for line in results.lines() {
        let mut split_iterator = line.split(',');
        let team_1_name = split_iterator.next().unwrap();
        let team_2_name = split_iterator.next().unwrap();
        let team_1_score: u8 = split_iterator.next().unwrap().parse().unwrap();
        let team_2_score: u8 = split_iterator.next().unwrap().parse().unwrap();
        let t1 = scores.entry(team_1_name).or_default();
        t1.goals_scored += team_1_score;
        t1.goals_conceded += team_2_score;
        let t2 = scores.entry(team_2_name).or_default();
        t2.goals_scored += team_2_score;
        t2.goals_conceded += team_1_score;
    }
    scores
}

fn main() {
    let results = String::from("England,France,4,2\nFrance,Italy,3,1\nPoland,Spain,2,0\nGermany,England,2,1\nEngland,Spain,1,0");
    let scores = build_scores_table(&results);
    let mut names: Vec<&&str> = scores.keys().collect();
    names.sort();
    for name in names {
        let s = &scores[*name];
        println!("{name}: {} scored, {} conceded", s.goals_scored, s.goals_conceded);
    }
}
