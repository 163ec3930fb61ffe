//! Large inputs built from short repeated units, to catch super-linear
//! time or memory: a few runs, each `prefix + (unit + separator) * n +
//! suffix`, concatenated to a total of 16 KiB to 1 MiB. Units are made of
//! news-ish pieces (names, titles, cue verbs, quote marks of every kind,
//! organisation words, punctuation, `\r`, `\n`) or raw strings. The
//! document must validate (`Document::validate`) and its JSON stay within
//! a linear bound of the input; the cost must stay linear, which the run
//! enforces with libFuzzer's `-timeout` (20 s of wall time,
//! `fuzz/options/repeated`): news-like runs of 1 MiB take 0.1–0.8 s in
//! this build, under 4 s on a machine loaded 8 times over; the quadratic
//! loops of issue 12 take over 30 s.
//!
//! The byte layout is simple enough to write by hand (`fuzz/seeds/make_repeated.py`
//! writes the seeds), and `cargo fuzz fmt repeated FILE` prints an input
//! as a Python expression that rebuilds its text.
#![no_main]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

/// The pieces units are made of, indexed by a byte (`index % len`);
/// byte 255 introduces a raw string instead (the seeds use raw strings
/// only, so they do not depend on this table).
const PIECES: &[&str] = &[
    // spacing and line ends
    " ",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    // quote marks of every kind
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "``",
    "''",
    "‹",
    "›",
    "‚",
    "`",
    // punctuation
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "(",
    ")",
    "—",
    "-",
    "…",
    "...",
    "•",
    // names and titles
    "Jane",
    "Smith",
    "Zorblax",
    "Quuxer",
    "Mr.",
    "Ms.",
    "Dr.",
    "President",
    "Senator",
    "Gov.",
    "Ambassador",
    "officials in ",
    "Ministry ",
    "Corp",
    "(ZQF)",
    "ZQF",
    "U.S.",
    "The",
    "the",
    // cue verbs and speech words
    "said",
    "says",
    "told",
    "reply",
    "imply",
    "added",
    "according to",
    "said that",
    "warned",
    "stated",
    "asked",
    "reportedly",
    "quickly",
    "saying",
    "in a statement",
    // clause words
    "that",
    "we",
    "will",
    "not",
    "accept",
    "this",
    "plan",
    "vote",
    "was",
    "dead",
    "no",
    "of",
    "and",
    "he",
    "she",
    "they",
    "it",
    "would",
    "be",
    "delayed",
    "’s",
    "'s",
    "100,000",
    "Monday",
];

/// A short string: a few pieces, concatenated.
struct Unit(Vec<String>);

/// `prefix + (unit + separator) * n + suffix`, `n` filling the run's share
/// of the total size. In a mixed run each repetition takes one piece of
/// the unit, chosen pseudo-randomly, instead of the whole unit.
struct Run {
    prefix: Unit,
    unit: Unit,
    separator: Unit,
    suffix: Unit,
    mixed: bool,
    share: u8,
}

/// The whole input: a size class and up to four runs.
struct Input {
    total: usize,
    runs: Vec<Run>,
}

const MAX_RUNS: usize = 4;
const MAX_PIECES: u8 = 6;
const MAX_RAW: u8 = 32;

fn unit(u: &mut Unstructured<'_>, min: u8) -> arbitrary::Result<Unit> {
    let n = min + u.arbitrary::<u8>()? % (MAX_PIECES + 1 - min);
    let mut pieces = Vec::with_capacity(n.into());
    for _ in 0..n {
        let b: u8 = u.arbitrary()?;
        if b == 255 {
            let len = u.arbitrary::<u8>()? % (MAX_RAW + 1);
            let bytes = u.bytes(len.into()).unwrap_or_default();
            pieces.push(String::from_utf8_lossy(bytes).into_owned());
        } else {
            pieces.push(PIECES[usize::from(b) % PIECES.len()].to_owned());
        }
    }
    Ok(Unit(pieces))
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        // 16 KiB << 0..=6: 16 KiB to 1 MiB.
        let total = (16 << 10) << (u.arbitrary::<u8>()? % 7);
        let mut runs = Vec::new();
        while runs.len() < MAX_RUNS && !u.is_empty() {
            let mode: u8 = u.arbitrary()?;
            runs.push(Run {
                mixed: mode & 1 == 1,
                share: mode >> 1,
                prefix: unit(u, 0)?,
                unit: unit(u, 1)?,
                separator: unit(u, 0)?,
                suffix: unit(u, 0)?,
            });
        }
        Ok(Input { total, runs })
    }
}

impl Unit {
    fn text(&self) -> String {
        self.0.concat()
    }
}

impl Run {
    /// How many repetitions fill `bytes`.
    fn count(&self, bytes: usize) -> usize {
        let each = if self.mixed {
            self.unit.0.iter().map(String::len).sum::<usize>() / self.unit.0.len()
        } else {
            self.unit.text().len()
        } + self.separator.text().len();
        (bytes / each.max(1)).max(1)
    }

    fn push_to(&self, out: &mut String, bytes: usize, seed: u64) {
        out.push_str(&self.prefix.text());
        let (unit, separator) = (self.unit.text(), self.separator.text());
        let mut state = seed | 1;
        for _ in 0..self.count(bytes) {
            if self.mixed {
                // xorshift64: deterministic, so an input always gives one text.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                out.push_str(&self.unit.0[(state % self.unit.0.len() as u64) as usize]);
            } else {
                out.push_str(&unit);
            }
            out.push_str(&separator);
        }
        out.push_str(&self.suffix.text());
    }
}

impl Input {
    /// Each run's share of the total, by its weight.
    fn budgets(&self) -> Vec<usize> {
        let weights: Vec<usize> = self.runs.iter().map(|r| usize::from(r.share) + 1).collect();
        let sum: usize = weights.iter().sum();
        weights.iter().map(|w| self.total * w / sum).collect()
    }

    fn text(&self) -> String {
        let mut out = String::with_capacity(self.total + 1024);
        for (i, (run, bytes)) in self.runs.iter().zip(self.budgets()).enumerate() {
            run.push_to(&mut out, bytes, 0x9E37_79B9_7F4A_7C15 ^ i as u64);
        }
        out
    }
}

/// A Python expression for the text (`cargo fuzz fmt`), for bug reports.
/// Mixed runs show their pieces and count, not the exact sequence.
impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        for (run, bytes) in self.runs.iter().zip(self.budgets()) {
            let (prefix, suffix, sep) = (run.prefix.text(), run.suffix.text(), run.separator.text());
            if !prefix.is_empty() {
                parts.push(format!("{prefix:?}"));
            }
            let n = run.count(bytes);
            if run.mixed {
                parts.push(format!("mix({:?}, sep={sep:?}, n={n})", run.unit.0));
            } else {
                parts.push(format!("{:?}*{n}", run.unit.text() + &sep));
            }
            if !suffix.is_empty() {
                parts.push(format!("{suffix:?}"));
            }
        }
        if parts.is_empty() {
            parts.push("''".into());
        }
        write!(f, "{}  # {} bytes", parts.join(" + "), self.text().len())
    }
}

/// A JSON document may be at most this many times the input (plus
/// [`OUTPUT_SLACK`]). Dense linear input comes near 100 (`'"a"'*N`, a
/// quote per 3 bytes, writes 95 bytes per input byte); a long name
/// repeated in every mention of it grows with the square of the input and
/// passes this bound from about 64 KiB on.
const OUTPUT_PER_INPUT_BYTE: usize = 400;
const OUTPUT_SLACK: usize = 1 << 20;

/// Counts serialized bytes and fails once past its limit, so an amplified
/// document is caught without being written out.
struct Bounded {
    written: usize,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written += buf.len();
        if self.written > self.limit {
            return Err(std::io::Error::other("over the output limit"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fuzz_target!(|input: Input| {
    let text = input.text();
    let doc = saywho_fuzz::extractor().extract(&text);
    if let Err(message) = doc.validate(&text) {
        panic!("invalid document: {message}");
    }
    let limit = OUTPUT_PER_INPUT_BYTE * text.len() + OUTPUT_SLACK;
    let mut out = Bounded { written: 0, limit };
    if serde_json::to_writer(&mut out, &doc).is_err() {
        panic!("the JSON document of a {}-byte input passes {limit} bytes", text.len());
    }
});
