//! A deterministic generator of news-like English text for benchmarks.
//!
//! Nothing here is copied from any corpus: the sentence templates and the
//! small vocabularies are written for this file, and names, places and
//! organisations are drawn from the crate's own bundled lexicons (so the
//! gazetteer and the name rules have real work to do). The same seed always
//! gives the same bytes for the same lexicons.
//!
//! An article is a title-case headline, a blank line, then paragraphs of
//! plain narration, direct quotes in several mark styles (`“…,” she said.`,
//! `"…," said X.`, `‘…’`, `«…»`, `„…“`, interrupted quotes, `X said: “…”`),
//! indirect speech (`X said that …`, `according to X, …`), list bullets,
//! abbreviations (`U.S.`, `Mr.`, `Jan.`), numbers (`100,000`, `3.5`),
//! possessives and contractions. About 2 KB per article.

use saywho::unstable::{bundled, parse_entities, rows};
use saywho::Label;

/// xorshift64*: tiny, seeded, good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// The names the generator draws from, taken from the bundled lexicons.
pub struct Names {
    given_female: Vec<&'static str>,
    given_male: Vec<&'static str>,
    surnames: Vec<&'static str>,
    places: Vec<&'static str>,
    orgs: Vec<&'static str>,
    nationalities: Vec<&'static str>,
}

impl Names {
    pub fn bundled() -> Names {
        let mut given_female = Vec::new();
        let mut given_male = Vec::new();
        let mut surnames = Vec::new();
        for (_, cols) in rows(bundled::PEOPLE_NAMES) {
            if let [name, kind, gender, rank] = cols[..] {
                let rank: usize = rank.parse().unwrap_or(usize::MAX);
                match (kind, gender) {
                    ("given", "F") if rank <= 400 => given_female.push(name),
                    ("given", "M") if rank <= 400 => given_male.push(name),
                    ("surname", _) if rank <= 3000 => surnames.push(name),
                    _ => {}
                }
            }
        }
        let mut places = Vec::new();
        let mut orgs = Vec::new();
        let mut nationalities = Vec::new();
        for (file, text) in bundled::ENTITIES {
            for e in parse_entities(file, text).expect("bundled lexicons parse") {
                let surface = match e.surface {
                    std::borrow::Cow::Borrowed(s) => s,
                    std::borrow::Cow::Owned(_) => continue,
                };
                // Short, ordinary surfaces: what news actually names.
                if surface.len() > 28 || surface.split(' ').count() > 4 {
                    continue;
                }
                match (e.label, *file) {
                    (Label::Gpe, "places.tsv") => places.push(surface),
                    (Label::Org, _) => orgs.push(surface),
                    (Label::Norp, _) if surface.ends_with('n') => nationalities.push(surface),
                    _ => {}
                }
            }
        }
        for (what, list) in [
            ("female given names", &given_female),
            ("male given names", &given_male),
            ("surnames", &surnames),
            ("places", &places),
            ("organisations", &orgs),
            ("nationalities", &nationalities),
        ] {
            assert!(list.len() >= 20, "too few {what} in the bundled lexicons");
        }
        Names { given_female, given_male, surnames, places, orgs, nationalities }
    }
}

const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "chief executive",
    "finance minister",
    "head",
    "director",
    "chairman",
    "senior adviser",
    "deputy leader",
    "press secretary",
    "chief economist",
    "general counsel",
    "president",
    "founder",
    "analyst",
];
const TITLES: &[&str] = &[
    "Senator",
    "President",
    "Minister",
    "Dr.",
    "Mr.",
    "Ms.",
    "Gov.",
    "Sen.",
    "Judge",
    "Prof.",
    "General",
    "Mayor",
    "Rep.",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &["Jan.", "Feb.", "March", "April", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const SUBJECTS: &[&str] = &[
    "the plan",
    "the deal",
    "the new budget",
    "the proposal",
    "the vote",
    "the merger",
    "the ceasefire",
    "the investigation",
    "the tariff",
    "the rescue effort",
    "the reform bill",
    "the price cut",
    "the strike",
    "the bond sale",
    "the summit",
    "the trial",
];
const VERBS: &[&str] = &[
    "would collapse",
    "could be delayed",
    "was never approved",
    "had been rushed",
    "will cost more than expected",
    "might not survive the winter",
    "is still on track",
    "has little support",
    "would help exporters",
    "was a mistake",
    "will go ahead",
    "could hurt small firms",
    "had stalled",
    "would be reviewed",
    "was working",
];
const REASONS: &[&str] = &[
    "because of rising costs",
    "after months of talks",
    "despite strong opposition",
    "amid falling demand",
    "ahead of the election",
    "following a court ruling",
    "as interest rates climbed",
    "under pressure from investors",
    "without a clear timetable",
    "while inflation stayed high",
];
const NOUNS: &[&str] = &[
    "officials",
    "investors",
    "analysts",
    "residents",
    "workers",
    "lawmakers",
    "voters",
    "regulators",
    "shareholders",
    "farmers",
    "doctors",
    "teachers",
    "diplomats",
];
const QUOTES: &[&str] = &[
    "We are not going to accept this",
    "It's a very difficult moment for everyone",
    "This is the best chance we've had in years",
    "I don't think anyone expected it to happen so quickly",
    "We will keep fighting for our members",
    "There is no reason to panic",
    "The numbers simply don't add up",
    "Nobody wants another year like the last one",
    "We have to be honest about what went wrong",
    "It is far too early to say",
    "They promised change and delivered nothing",
    "I am confident we can reach an agreement",
    "Our customers deserve better than this",
    "This is not about politics, it is about jobs",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "insisted",
    "explained",
    "argued",
    "noted",
    "said in a statement",
    "told the BBC",
];
const INDIRECT_CUES: &[&str] = &[
    "said that",
    "warned that",
    "argued that",
    "believes that",
    "claimed that",
    "told reporters that",
    "has said",
    "announced that",
    "denied that",
    "suggested that",
];
const HEAD_WORDS: &[&str] = &[
    "Talks", "Shares", "Plan", "Vote", "Crisis", "Deal", "Strike", "Budget", "Merger", "Protest", "Reform", "Prices",
    "Storm", "Election", "Trial", "Summit",
];
const HEAD_VERBS: &[&str] =
    &["Stall", "Surge", "Collapse", "Falter", "Resume", "Rebound", "Slump", "Spark Anger", "Win Backing", "Face Delay"];

/// A person in an article: name parts and pronoun.
struct Person {
    given: &'static str,
    surname: &'static str,
    title: Option<&'static str>,
    role: &'static str,
    she: bool,
}

/// Opening and closing marks of a direct quote, by style.
const MARKS: &[(&str, &str)] =
    &[("“", "”"), ("“", "”"), ("“", "”"), ("\"", "\""), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "“"), ("``", "''")];

/// Generates article number `index` of the corpus seeded with `seed`.
pub fn article(names: &Names, seed: u64, index: usize) -> String {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let mut out = String::with_capacity(2400);
    let place = rng.pick(&names.places);
    let org = rng.pick(&names.orgs);
    let other_org = rng.pick(&names.orgs);
    let people: Vec<Person> = (0..3)
        .map(|_| {
            let she = rng.chance(50);
            Person {
                given: if she { rng.pick(&names.given_female) } else { rng.pick(&names.given_male) },
                surname: rng.pick(&names.surnames),
                title: rng.chance(40).then(|| rng.pick(TITLES)),
                role: rng.pick(ROLES),
                she,
            }
        })
        .collect();

    // Headline: title case, no final punctuation.
    out.push_str(&format!(
        "{} {} {} as {} {}\n\n",
        place,
        rng.pick(HEAD_WORDS),
        rng.pick(HEAD_VERBS),
        rng.pick(&names.nationalities),
        capitalise(rng.pick(NOUNS)),
    ));
    // Lead paragraph: full name, role, organisation, indirect speech.
    let p0 = &people[0];
    out.push_str(&format!(
        "{} — {}{} {}, the {} of {}, said on {} that {} {} {}.",
        place.to_uppercase(),
        p0.title.map(|t| format!("{t} ")).unwrap_or_default(),
        p0.given,
        p0.surname,
        p0.role,
        org,
        rng.pick(DAYS),
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(REASONS),
    ));
    out.push_str(&format!(
        " The U.S. and {} officials met in {} on {} {}, when about {},{:03} people gathered outside.\n\n",
        rng.pick(&names.nationalities),
        rng.pick(&names.places),
        rng.pick(MONTHS),
        1 + rng.below(28),
        1 + rng.below(120),
        rng.below(1000),
    ));
    let target = 1700 + rng.below(700);
    while out.len() < target {
        let p = &people[rng.below(people.len())];
        let pronoun = if p.she { "she" } else { "he" };
        let (open, close) = MARKS[rng.below(MARKS.len())];
        let q = rng.pick(QUOTES);
        match rng.below(11) {
            0 => out.push_str(&format!("{open}{q},{close} {pronoun} {}.", rng.pick(CUES))),
            1 => out.push_str(&format!("{open}{q},{close} said {} {}, {}’s {}.", p.given, p.surname, org, p.role)),
            2 => out.push_str(&format!(
                "{} {} {}: {open}{q}.{close}",
                p.title.unwrap_or("Mr."),
                p.surname,
                rng.pick(CUES)
            )),
            3 => out.push_str(&format!(
                "{open}{q},{close} {} {}. {open}{}.{close}",
                p.surname,
                rng.pick(CUES),
                rng.pick(QUOTES)
            )),
            4 => out.push_str(&format!(
                "{open}{q},{close} {pronoun} said, {open}{}.{close}",
                lower_first(rng.pick(QUOTES))
            )),
            5 => out.push_str(&format!(
                "{} {} {} {} {}.",
                p.surname,
                rng.pick(INDIRECT_CUES),
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(REASONS)
            )),
            6 => out.push_str(&format!(
                "According to {}, {} {} {} {}.",
                other_org,
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(REASONS),
                if rng.chance(50) { "this year" } else { "in 2024" }
            )),
            7 => out.push_str(&format!(
                "{} in {} {} the {} {}. Prices rose {}.{} percent to ${},{:03}.",
                capitalise(rng.pick(NOUNS)),
                rng.pick(&names.places),
                rng.pick(INDIRECT_CUES),
                rng.pick(SUBJECTS).trim_start_matches("the "),
                rng.pick(VERBS),
                rng.below(10),
                rng.below(10),
                1 + rng.below(99),
                rng.below(1000),
            )),
            8 => {
                out.push_str(&format!("{} listed its demands:\n", org));
                let bullet = if rng.chance(50) { "-" } else { "•" };
                for _ in 0..2 + rng.below(3) {
                    out.push_str(&format!(
                        "{bullet} {} {} {}\n",
                        capitalise(rng.pick(SUBJECTS)),
                        rng.pick(VERBS),
                        rng.pick(REASONS)
                    ));
                }
                out.push('\n');
                continue;
            }
            9 => out.push_str(&format!(
                "{} {}, who {} {} in {}, {} {} {} {}.",
                p.given,
                p.surname,
                if p.she { "joined" } else { "left" },
                other_org,
                rng.pick(&names.places),
                if p.she { "wasn't" } else { "wouldn't be" },
                "convinced",
                rng.pick(SUBJECTS),
                rng.pick(REASONS)
            )),
            _ => out.push_str(&format!(
                "The {} {} {} ... {} {} {}.",
                rng.pick(NOUNS),
                rng.pick(INDIRECT_CUES),
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(REASONS),
                if rng.chance(30) { "(Reuters)" } else { "for now" }
            )),
        }
        out.push_str(if rng.chance(45) { "\n\n" } else { " " });
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Articles `0..` until at least `bytes` bytes in all.
pub fn corpus(names: &Names, seed: u64, bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(names, seed, out.len());
        total += a.len();
        out.push(a);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some('I') if s.starts_with("I ") || s.starts_with("I'") => s.to_owned(),
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The adversarial inputs: `(name, text)`. Each is one document.
pub fn adversarial(names: &Names, seed: u64) -> Vec<(&'static str, String)> {
    const MB: usize = 1 << 20;
    let mut rng = Rng::new(seed ^ 0xAD5E);
    let mut out = Vec::new();

    // 10 MB of news sentences joined into one paragraph (no line break).
    let mut one = String::with_capacity(10 * MB + 4096);
    let mut i = 0;
    while one.len() < 10 * MB {
        let a = article(names, seed ^ 0x1111, i);
        for line in a.lines().skip(2).filter(|l| !l.is_empty()) {
            one.push_str(line);
            one.push(' ');
        }
        i += 1;
    }
    out.push(("single_paragraph_10mb", one));

    // 10,000 unbalanced quote marks among short words, a few paragraphs.
    let mut marks = String::new();
    let styles = ["“", "\"", "‘", "«", "„", "'", "``"];
    for k in 0..10_000 {
        marks.push_str(styles[rng.below(styles.len())]);
        marks.push_str(rng.pick(&["Yes", "we", "said", "no", "He", "will", "they"]));
        marks.push(' ');
        if k % 40 == 39 {
            marks.push_str(&format!("{} said.", rng.pick(&names.surnames)));
            marks.push_str(if k % 400 == 399 { "\n\n" } else { " " });
        }
    }
    out.push(("unbalanced_quotes_10k", marks));

    // A megabyte with no spaces: words glued with punctuation.
    let mut glued = String::with_capacity(MB + 64);
    while glued.len() < MB {
        glued.push_str(rng.pick(&names.surnames));
        glued.push_str(rng.pick(&["", ",", ".", "-", "’s", "“", "”", "/", "U.S.", "1,000"]));
    }
    out.push(("no_spaces_1mb", glued));

    // A long run of capitalised words (1 MB, one sentence, one paragraph).
    let mut caps = String::with_capacity(MB + 64);
    while caps.len() < MB {
        let w = match rng.below(4) {
            0 => rng.pick(&names.given_male),
            1 => rng.pick(&names.surnames),
            2 => rng.pick(&names.places),
            _ => rng.pick(&["Of", "The", "And", "Senator", "Ministry", "Inc", "Bank", "De"]),
        };
        caps.push_str(w);
        caps.push(' ');
    }
    out.push(("capitalised_run_1mb", caps));

    // `he said that` repeated (1 MB, one paragraph).
    let phrase = "he said that ";
    out.push(("he_said_that_1mb", phrase.repeat(MB / phrase.len() + 1)));
    out
}

/// News of about `bytes` bytes as one document (articles joined by blank lines).
pub fn news_document(names: &Names, seed: u64, bytes: usize) -> String {
    let mut doc = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while doc.len() < bytes {
        doc.push_str(&article(names, seed ^ 0x2222, i));
        doc.push('\n');
        i += 1;
    }
    doc
}
