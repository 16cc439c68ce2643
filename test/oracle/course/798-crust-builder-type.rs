// Adapted from: Comprehensive Rust, "Exercise: Builder Type" — https://google.github.io/comprehensive-rust/smart-pointers/exercise.html
// teaches: a builder taking and returning self by value, Option fields filled later, a Vec of dependencies cloned into the result
#[derive(Debug, Clone, PartialEq)]
enum Language {
    Rust,
    Java,
}

#[derive(Debug, Clone)]
struct Dependency {
    name: String,
    version: Option<String>,
}

#[derive(Debug)]
struct Package {
    name: String,
    version: String,
    authors: Vec<String>,
    dependencies: Vec<Dependency>,
    language: Option<Language>,
}

impl Package {
    fn as_dependency(&self) -> Dependency {
        Dependency { name: self.name.clone(), version: Some(self.version.clone()) }
    }
}

struct PackageBuilder(Package);

impl PackageBuilder {
    fn new(name: impl Into<String>) -> Self {
        Self(Package { name: name.into(), version: String::from("0.1"), authors: Vec::new(), dependencies: Vec::new(), language: None })
    }

    fn version(mut self, version: impl Into<String>) -> Self {
        self.0.version = version.into();
        self
    }

    fn authors(mut self, authors: Vec<String>) -> Self {
        self.0.authors = authors;
        self
    }

    fn dependency(mut self, dependency: Dependency) -> Self {
        self.0.dependencies.push(dependency);
        self
    }

    fn language(mut self, language: Language) -> Self {
        self.0.language = Some(language);
        self
    }

    fn build(self) -> Package {
        self.0
    }
}

fn main() {
    let base64 = PackageBuilder::new("base64").version("0.13").build();
    println!("base64: {base64:?}");
    let log = PackageBuilder::new("log").version("0.4").language(Language::Rust).build();
    println!("log: {log:?}");
    let serde = PackageBuilder::new("serde")
        .authors(vec!["djmitche".into()])
        .version(String::from("4.0"))
        .dependency(base64.as_dependency())
        .dependency(log.as_dependency())
        .build();
    println!("serde: {serde:?}");
    println!("{} deps, rust: {}", serde.dependencies.len(), log.language == Some(Language::Rust));
}
