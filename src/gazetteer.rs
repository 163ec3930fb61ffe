//! The gazetteer: one leftmost-longest aho-corasick automaton over every
//! entity lexicon surface.
//!
//! Matching is case-sensitive (so `US` the country is not `us`) and only on
//! word boundaries (`Indiana` does not match inside `Indianapolis`); a
//! possessive `’s` after a name is a boundary, so `Venezuela’s` gives
//! `Venezuela`. Apostrophe variants of each surface (`’` and `'`) are added
//! as extra patterns: the input is never rewritten.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;

use crate::lexicon::Entry;
use crate::swar::{ascii_word_bytes, gather_high_bits, u64_at, HIGH_BITS};
use crate::token::{ascii_word_end, is_ascii_word_byte, GENERAL_PUNCTUATION};
use crate::word_map::WordFilter;
use crate::{Error, Span};

/// A gazetteer hit: where it is and which lexicon entry it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Where the surface is in the text.
    pub span: Span,
    /// The index of the entry in [`Gazetteer::entries`].
    pub entry: usize,
}

/// The compiled entity lexicons.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    /// The first bytes of the patterns: the search tries the automaton only
    /// where one could match.
    starts: StartBytes,
    /// The entry of each automaton pattern.
    pattern_entry: Vec<u32>,
    /// The entry of each pattern, by its text (for exact lookups).
    by_surface: FxHashMap<Box<str>, u32>,
    /// The beginnings of the patterns that end with a run of ASCII letters
    /// and digits, runs before it joined by single spaces (`New`, `New York`,
    /// `New York Times`; `U` but not `U.S`).
    run_ends: FxHashMap<Box<[u8]>, RunEnd>,
    entries: Vec<Entry<'static>>,
}

impl Gazetteer {
    /// Compiles `entries`. Where several entries share a surface the first
    /// one wins, so callers list the most trusted lexicons first.
    pub fn new(entries: Vec<Entry<'static>>) -> Result<Gazetteer, Error> {
        let mut seen = std::collections::HashSet::with_capacity(entries.len() * 2);
        let mut patterns: Vec<String> = Vec::with_capacity(entries.len() * 2);
        let mut pattern_entry = Vec::with_capacity(entries.len() * 2);
        for (i, entry) in entries.iter().enumerate() {
            for variant in variants(&entry.surface) {
                if seen.insert(variant.clone()) {
                    patterns.push(variant);
                    pattern_entry.push(i as u32);
                }
            }
        }
        // A contiguous NFA, not a DFA: for the bundled ~9,600 patterns it
        // builds in ~14 ms and ~1.3 MiB where the DFA takes ~110 ms and
        // ~64 MiB (~75 ms and ~67 MiB for anchored searches only). Every
        // kind finds the same matches. Searches are anchored (see `find`).
        let by_surface = patterns.iter().zip(&pattern_entry).map(|(p, &e)| (p.as_str().into(), e)).collect();
        let mut run_ends: FxHashMap<Box<[u8]>, RunEnd> = FxHashMap::default();
        for (p, &entry) in patterns.iter().zip(&pattern_entry) {
            let p = p.as_bytes();
            let mut end = ascii_word_end(p, 0);
            while end > 0 {
                end = run_ends.entry(p[..end].into()).or_default().add(p, end, entry);
            }
        }
        let starts = StartBytes::new(&patterns, &run_ends);
        let builder = || {
            let mut builder = AhoCorasick::builder();
            builder.match_kind(MatchKind::LeftmostLongest).start_kind(StartKind::Anchored);
            builder
        };
        let automaton = builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .or_else(|_| builder().build(&patterns))
            .map_err(|e| Error::Lexicon { name: "gazetteer".into(), line: 0, message: e.to_string() })?;
        Ok(Gazetteer { automaton, starts, pattern_entry, by_surface, run_ends, entries })
    }

    /// The lexicon entries, indexed by [`Hit::entry`].
    pub fn entries(&self) -> &[Entry<'static>] {
        &self.entries
    }

    /// Every surface found in `text` on word boundaries, in text order, not overlapping.
    ///
    /// ```
    /// use saywho::unstable::{parse_entities, Gazetteer};
    /// let entries = parse_entities("t", "US\tGPE\tUnited States\nVenezuela\tGPE\tVenezuela").unwrap();
    /// let gazetteer = Gazetteer::new(entries).unwrap();
    /// let text = "US-Venezuela talks; Venezuela’s envoy told us.";
    /// let found: Vec<&str> = gazetteer.find(text).iter().map(|h| &text[h.span]).collect();
    /// assert_eq!(found, ["US", "Venezuela", "Venezuela"]);
    /// ```
    pub fn find(&self, text: &str) -> Vec<Hit> {
        // Scanning left to right, the longest surface that starts at a word
        // boundary and ends at one is a hit, and the scan goes on after it.
        // The automaton is only tried, anchored, where a surface could
        // start: on a byte some surface starts with, not inside a run of
        // ASCII letters and digits (there is no word boundary there), on
        // three bytes some surface starts with, on a whole run some surface
        // starts with (with the run after it, where those surfaces go on
        // with one), and at a word boundary. (A surface's first byte starts
        // a character, so every such position is a character boundary.)
        // The first two tests take a block of text at a time, with no
        // branch per word; most words fail them.
        let bytes = text.as_bytes();
        let mut hits = Vec::with_capacity(text.len() / 64);
        // Where the scan goes on: after the last hit.
        let mut at = 0;
        // Whether the byte before the block is an ASCII letter or digit: the last bit of the block before.
        let mut after_word = false;
        for base in (0..bytes.len()).step_by(BLOCK) {
            let Block { mut starts, words } = self.starts.block_at(bytes, base, after_word);
            after_word = words >> (BLOCK - 1) != 0;
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let start = base + i;
                if start < at {
                    continue;
                }
                // The end of the run of ASCII letters and digits at `start` (none: `start`).
                let run = (words >> i).trailing_ones() as usize;
                let word_end = if i + run < BLOCK { start + run } else { ascii_word_end(bytes, base + BLOCK) };
                if !self.starts.may_start(bytes, start, word_end) || !is_word_boundary(text, start) {
                    continue;
                }
                if let Some((end, entry)) =
                    self.longest_at(text, start, word_end).filter(|&(end, _)| is_word_boundary(text, end))
                {
                    hits.push(Hit { span: Span::new(start, end), entry });
                    at = end;
                }
            }
        }
        hits
    }

    /// The longest pattern at `start` (where the run of ASCII letters and
    /// digits ends at `word_end`): where it ends, and its entry. None also
    /// where the longest ends inside the run at `start` (it is no hit).
    #[inline]
    fn longest_at(&self, text: &str, start: usize, word_end: usize) -> Option<(usize, usize)> {
        // A pattern that starts at a run holds it whole, or ends inside it
        // (where no hit ends), and so on run by run. While the patterns go
        // on from the text's runs only with a space and a run, the longest
        // is found by looking up the text's runs, a run more each time,
        // with no automaton walk.
        if word_end == start {
            return self.automaton_at(text, start);
        }
        let bytes = text.as_bytes();
        let mut node = self.run_ends.get(&bytes[start..word_end])?;
        let mut end = word_end;
        // The longest pattern that ends before `end`.
        let mut shorter = None;
        loop {
            let found = node.entry.map(|e| (end, e as usize)).or(shorter);
            let longer = match bytes.get(end) {
                None => false,
                Some(b' ') => {
                    let next_end = ascii_word_end(bytes, end + 1);
                    if next_end == end + 1 {
                        node.goes_on_with_space_then_other
                    } else if node.goes_on_with_space_and_run {
                        // Patterns that end inside the text's next run hide the shorter ones.
                        shorter = match self.ending_inside(bytes, start, node, end + 1, next_end) {
                            Ok(inside) => inside.or(found),
                            Err(()) => return self.automaton_at(text, start),
                        };
                        match self.run_ends.get(&bytes[start..next_end]) {
                            Some(next) => (node, end) = (next, next_end),
                            None => return shorter,
                        }
                        continue;
                    } else {
                        false
                    }
                }
                Some(_) => node.goes_on_with_other_byte,
            };
            return if longer { self.automaton_at(text, start) } else { found };
        }
    }

    /// The longest pattern that ends inside the text's run at
    /// `run_start..run_end`, which follows a space after `node`'s run (each
    /// length of a next run some pattern ends with is looked up): Err where
    /// such a length is 63 or more, which share a bit, for the automaton.
    fn ending_inside(
        &self,
        bytes: &[u8],
        start: usize,
        node: &RunEnd,
        run_start: usize,
        run_end: usize,
    ) -> Result<Option<(usize, usize)>, ()> {
        if node.ending_next_first_bytes & first_byte_bit(bytes[run_start]) == 0 {
            return Ok(None);
        }
        let run = run_end - run_start;
        let mut lengths = node.ending_next_runs
            & u32::try_from(run).ok().and_then(|run| 1u64.checked_shl(run)).map_or(u64::MAX, |bit| bit - 1);
        while lengths != 0 {
            let len = 63 - lengths.leading_zeros() as usize;
            if len == 63 {
                return Err(());
            }
            lengths &= !(1 << len);
            let end = run_start + len;
            if let Some(e) = self.run_ends.get(&bytes[start..end]).and_then(|n| n.entry) {
                return Ok(Some((end, e as usize)));
            }
        }
        Ok(None)
    }

    /// The longest pattern at `start`, by the automaton: where it ends, and its entry.
    fn automaton_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let m = self.automaton.find(Input::new(text).range(start..).anchored(Anchored::Yes))?;
        Some((m.end(), self.pattern_entry[m.pattern().as_usize()] as usize))
    }

    /// The entry whose surface (or apostrophe variant) is exactly `surface`.
    pub(crate) fn entry_of(&self, surface: &str) -> Option<usize> {
        self.by_surface.get(surface).map(|&e| e as usize)
    }

    /// Heap bytes used by the automaton and the entries.
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
            + self.starts.memory_usage()
            + self.pattern_entry.len() * 4
            + self.by_surface.keys().map(|k| k.len() + size_of::<(Box<str>, u32)>()).sum::<usize>()
            + self.run_ends.keys().map(|k| k.len() + size_of::<(Box<[u8]>, RunEnd)>()).sum::<usize>()
            + self
                .entries
                .iter()
                .map(|e| {
                    owned_len(&e.surface)
                        + owned_len(&e.canonical)
                        + e.id.as_ref().map_or(0, owned_len)
                        + size_of::<Entry>()
                })
                .sum::<usize>()
    }
}

/// The patterns that begin with a run end (see [`Gazetteer::run_ends`]):
/// how they go on after it.
#[derive(Debug, Clone, Copy, Default)]
struct RunEnd {
    /// The entry of the pattern that ends there (`Paris`), if one does.
    entry: Option<u32>,
    /// Whether longer patterns go on with a byte other than a space (`U.S.` from `U`).
    goes_on_with_other_byte: bool,
    /// Whether longer patterns go on with a space and no run of letters and
    /// digits after it (`Marks & Spencer` from `Marks`).
    goes_on_with_space_then_other: bool,
    /// Whether longer patterns go on with a space and a run (`New York`
    /// and `New York Times` from `New`).
    goes_on_with_space_and_run: bool,
    /// The lengths of the next runs of the patterns that end with them (4
    /// for `York` of `New York`), a bit each; bit 63 for 63 and longer.
    ending_next_runs: u64,
    /// The first bytes of those runs, a bit each by [`first_byte_bit`].
    ending_next_first_bytes: u64,
}

impl RunEnd {
    /// Adds the pattern `p` that begins with this run end, `p[..end]`: the
    /// next run end of `p` to add it to, or 0 for none.
    fn add(&mut self, p: &[u8], end: usize, entry: u32) -> usize {
        match p.get(end) {
            None => self.entry = Some(entry),
            Some(b' ') => {
                let next_end = ascii_word_end(p, end + 1);
                let next = next_end - (end + 1);
                if next == 0 {
                    self.goes_on_with_space_then_other = true;
                } else {
                    self.goes_on_with_space_and_run = true;
                    if next_end == p.len() {
                        self.ending_next_runs |= 1 << next.min(63);
                        self.ending_next_first_bytes |= first_byte_bit(p[end + 1]);
                    }
                    return next_end;
                }
            }
            Some(_) => self.goes_on_with_other_byte = true,
        }
        0
    }
}

/// The bit of a byte in a set of 64 (a letter or digit: `b % 64`; digits
/// share theirs with lower-case letters from `p` on).
fn first_byte_bit(b: u8) -> u64 {
    1 << (b % 64)
}

/// Heap bytes of a lexicon string (bundled ones live in the binary).
#[allow(clippy::ptr_arg)] // the Cow's variant tells whether the text is on the heap
fn owned_len(s: &std::borrow::Cow<'_, str>) -> usize {
    match s {
        std::borrow::Cow::Borrowed(_) => 0,
        std::borrow::Cow::Owned(o) => o.capacity(),
    }
}

/// The bytes of text [`Gazetteer::find`] scans at a time: a bit each in a `u64`.
const BLOCK: usize = 64;

/// The first bytes of the patterns: a cheap test that rules out most
/// positions before the automaton is tried.
#[derive(Debug, Clone)]
struct StartBytes {
    /// Whether some pattern starts with this byte.
    first: [bool; 256],
    /// Whether some pattern starts with an ASCII byte that is no letter or
    /// digit (a space, a punctuation mark): such bytes are then looked at, as
    /// bytes that start a run of letters and digits and bytes that start a
    /// multi-byte character always are.
    punctuation_starts: bool,
    /// The first three bytes of the patterns (a shorter pattern stands for
    /// every continuation), hashed into a set of `2^TRIPLE_BITS` bits.
    triples: Box<[u64]>,
    /// The runs of ASCII letters and digits that patterns start with, each
    /// whole (`New` of `New York`, `Paris`). A pattern that starts with such
    /// a run only matches where the text's run is the same, or ends inside
    /// the text's run, where no hit ends.
    first_words: WordFilter,
    /// The first runs after which some pattern ends or goes on otherwise
    /// than with a space and another run (`Paris`, `U` of `U.S.`).
    open_first_words: WordFilter,
    /// The first two runs, space between, of the patterns that go on so
    /// (`The Hague`, `New York` of `New York Times`). After a first run that
    /// is not open, a hit holds the text's first two runs whole (it ends on
    /// a word boundary), so they must be one of these.
    first_two_words: WordFilter,
}

impl StartBytes {
    /// The bits of a triple's hash.
    const TRIPLE_BITS: u32 = 18;

    /// The start tests of `patterns`, whose run ends are `run_ends`: the
    /// word filters hold its keys of one run and of two.
    fn new(patterns: &[String], run_ends: &FxHashMap<Box<[u8]>, RunEnd>) -> StartBytes {
        let words = (1 << Self::TRIPLE_BITS) / 64;
        let mut set = StartBytes {
            first: [false; 256],
            punctuation_starts: false,
            triples: vec![0; words].into_boxed_slice(),
            first_words: WordFilter::default(),
            open_first_words: WordFilter::default(),
            first_two_words: WordFilter::default(),
        };
        // A key of `run_ends` is a pattern's first runs, joined by single spaces.
        for (runs, run_end) in run_ends {
            match runs.iter().filter(|&&b| b == b' ').count() {
                0 => {
                    set.first_words.insert(runs);
                    if run_end.entry.is_some()
                        || run_end.goes_on_with_other_byte
                        || run_end.goes_on_with_space_then_other
                    {
                        set.open_first_words.insert(runs);
                    }
                }
                1 => set.first_two_words.insert(runs),
                _ => {}
            }
        }
        for p in patterns {
            let all = 0..=u8::MAX;
            match *p.as_bytes() {
                [] => {}
                [a] => all.clone().for_each(|b| all.clone().for_each(|c| set.insert([a, b, c]))),
                [a, b] => all.for_each(|c| set.insert([a, b, c])),
                [a, b, c, ..] => set.insert([a, b, c]),
            }
        }
        set.punctuation_starts = (0..0x80).any(|b: u8| set.first[usize::from(b)] && !is_ascii_word_byte(b));
        set
    }

    fn insert(&mut self, bytes: [u8; 3]) {
        self.first[usize::from(bytes[0])] = true;
        let i = Self::index(bytes);
        self.triples[i / 64] |= 1 << (i % 64);
    }

    /// The bit of a triple: a multiplicative hash.
    #[inline]
    fn index(bytes: [u8; 3]) -> usize {
        let packed = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0]);
        (packed.wrapping_mul(0x9E37_79B1) >> (32 - Self::TRIPLE_BITS)) as usize
    }

    /// The [`Block`] of the [`BLOCK`] bytes of `bytes` from `base` (fewer at
    /// the end), where `after_word` tells whether the byte before `base` is an
    /// ASCII letter or digit (the scan carries it from block to block). Its
    /// runs of ASCII letters and digits are found eight bytes at a time, with
    /// no branch per byte; only the bytes that may start a pattern (run
    /// starts, punctuation some pattern starts with, multi-byte characters)
    /// are looked up in the first-byte table, one at a time.
    #[inline]
    fn block_at(&self, bytes: &[u8], base: usize, after_word: bool) -> Block {
        let padded;
        let block: &[u8; BLOCK] = match bytes.get(base..).and_then(<[u8]>::first_chunk) {
            Some(block) => block,
            None => {
                padded = padded_block(&bytes[base..]);
                &padded
            }
        };
        // Without patterns that start with punctuation (the bundled lexicons), the scan skips its test.
        let (mut maybe, words) = if self.punctuation_starts {
            block_masks::<true>(block, after_word)
        } else {
            block_masks::<false>(block, after_word)
        };
        let len = (bytes.len() - base).min(BLOCK);
        if len < BLOCK {
            maybe &= (1 << len) - 1;
        }
        // Only the bytes some pattern starts with: a bit cleared for each other byte.
        let mut rest = maybe;
        while rest != 0 {
            let i = rest.trailing_zeros();
            rest &= rest - 1;
            maybe &= !(u64::from(!self.first[usize::from(block[i as usize])]) << i);
        }
        Block { starts: maybe, words }
    }

    /// Whether a pattern may start at `at`, a start position of a [`Block`], where the
    /// run of ASCII letters and digits ends at `word_end` (`at` when there is
    /// none). Near the end of the text the missing bytes read as 0, and a
    /// pattern that ends there stands for every continuation, 0 included.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize, word_end: usize) -> bool {
        // The word filters first: they rule out more, and are smaller.
        if word_end > at && !self.may_start_words(bytes, at, word_end) {
            return false;
        }
        let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let i = Self::index([bytes[at], byte(at + 1), byte(at + 2)]);
        self.triples[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether a pattern may start with the run of ASCII letters and digits
    /// at `at..word_end` (and, where patterns need one, the run after it).
    fn may_start_words(&self, bytes: &[u8], at: usize, word_end: usize) -> bool {
        let first = &bytes[at..word_end];
        self.first_words.may_contain(first)
            && (self.open_first_words.may_contain(first)
                || (bytes.get(word_end) == Some(&b' ')
                    && self.first_two_words.may_contain(&bytes[at..ascii_word_end(bytes, word_end + 1)])))
    }

    fn memory_usage(&self) -> usize {
        self.triples.len() * 8
            + self.first_words.memory_usage()
            + self.open_first_words.memory_usage()
            + self.first_two_words.memory_usage()
    }
}

/// The bits of a [`Block`] before the first-byte table: the bytes that
/// start a run of ASCII letters and digits (`after_word`: the byte before
/// the block is one), a multi-byte character or, with `PUNCTUATION`, are
/// other ASCII bytes; and the ASCII letters and digits.
#[inline(always)]
fn block_masks<const PUNCTUATION: bool>(block: &[u8; BLOCK], after_word: bool) -> (u64, u64) {
    // The masks of eight bytes mark a byte by its high bit, as `ascii_word_bytes` does.
    let (mut other_starts, mut words) = (0, 0);
    for i in 0..BLOCK / 8 {
        let x = u64_at(block, 8 * i);
        let word = ascii_word_bytes(x);
        // Bytes from 0xC0 up: the first bytes of multi-byte characters.
        let multi_byte_starts = x & (x << 1) & HIGH_BITS;
        let other_ascii = if PUNCTUATION { !x & !word & HIGH_BITS } else { 0 };
        other_starts |= gather_high_bits(multi_byte_starts | other_ascii) << (8 * i);
        words |= gather_high_bits(word) << (8 * i);
    }
    // A run starts at a letter or digit after none, found once for the block's bits.
    let run_starts = words & !(words << 1 | u64::from(after_word));
    (run_starts | other_starts, words)
}

/// A block of text, a bit for each of its bytes.
struct Block {
    /// The positions where a pattern may start: the bytes some pattern
    /// starts with, except inside runs of ASCII letters and digits.
    starts: u64,
    /// The ASCII letters and digits.
    words: u64,
}

/// The last bytes of a text, fewer than a [`BLOCK`], padded with zeros.
#[cold]
fn padded_block(tail: &[u8]) -> [u8; BLOCK] {
    let mut block = [0; BLOCK];
    block[..tail.len()].copy_from_slice(tail);
    block
}

/// The surface and its apostrophe and dash variants (`Côte d'Ivoire` /
/// `Côte d’Ivoire`, `Guinea-Bissau` / `Guinea–Bissau`).
fn variants(surface: &str) -> Vec<String> {
    let mut out = vec![surface.to_owned()];
    let swaps: [(char, char); 4] = [('\'', '’'), ('’', '\''), ('-', '–'), ('–', '-')];
    for (from, to) in swaps {
        let more: Vec<String> =
            out.iter().filter(|s| s.contains(from)).map(|s| s.replace(from, &to.to_string())).collect();
        out.extend(more);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `offset` is between a word character and a non-word character
/// (or at either end of the text).
pub fn is_word_boundary(text: &str, offset: usize) -> bool {
    let bytes = text.as_bytes();
    match (offset.checked_sub(1).map(|i| bytes[i]), bytes.get(offset)) {
        // Either end of the text.
        (None, _) | (_, None) => return true,
        // ASCII on both sides, by far the commonest: no characters to decode.
        (Some(before), Some(&after)) if before.is_ascii() && after.is_ascii() => {
            return !(is_ascii_word_byte(before) && is_ascii_word_byte(after));
        }
        _ => {}
    }
    let before = text[..offset].chars().next_back();
    let after = text[offset..].chars().next();
    // Curly quotes and dashes skip the slow Unicode tables.
    let word = |c: Option<char>| {
        c.is_some_and(|c| {
            !GENERAL_PUNCTUATION.contains(&c) && (c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c))
        })
    };
    !(word(before) && word(after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_entities;

    fn gazetteer(rows: &str) -> Gazetteer {
        Gazetteer::new(parse_entities("test", rows).unwrap().into_iter().map(Entry::into_owned).collect()).unwrap()
    }

    fn found<'t>(g: &Gazetteer, text: &'t str) -> Vec<&'t str> {
        g.find(text).iter().map(|h| &text[h.span]).collect()
    }

    #[test]
    fn lowercase_us_is_not_country() {
        let g = gazetteer("US\tGPE\tUnited States\nU.S.\tGPE\tUnited States");
        assert_eq!(found(&g, "the US told us; U.S. troops"), ["US", "U.S."]);
    }

    #[test]
    fn only_on_word_boundaries() {
        let g = gazetteer("Indiana\tGPE\tIndiana\nOman\tGPE\tOman");
        assert_eq!(found(&g, "Indianapolis, Indiana; Romania; Oman"), ["Indiana", "Oman"]);
    }

    #[test]
    fn longest_wins() {
        let g = gazetteer("New York\tGPE\tNew York\nNew York Times\tORG\tThe New York Times");
        let text = "The New York Times in New York";
        let hits = g.find(text);
        assert_eq!(hits.len(), 2);
        assert_eq!(g.entries()[hits[0].entry].canonical, "The New York Times");
    }

    #[test]
    fn apostrophe_variants() {
        let g = gazetteer("Côte d'Ivoire\tGPE\tCôte d’Ivoire");
        assert_eq!(found(&g, "Côte d’Ivoire and Côte d'Ivoire"), ["Côte d’Ivoire", "Côte d'Ivoire"]);
    }

    #[test]
    fn a_rejected_match_does_not_hide_a_shorter_one() {
        let g = gazetteer("New York\tGPE\tNew York\nYork\tGPE\tYork");
        assert_eq!(found(&g, "NNew York and New York"), ["York", "New York"]);
    }

    #[test]
    fn surfaces_of_several_words_need_their_first_two_words_whole() {
        let g =
            gazetteer("The Hague\tGPE\tThe Hague\nNew York\tGPE\tNew York\nNew York Times\tORG\tThe New York Times");
        let text = "The court in The Hague; The New York Times; New Yorkers";
        assert_eq!(found(&g, text), ["The Hague", "New York Times"]);
    }

    /// A run no longer surface goes on from (with the byte after it) is
    /// looked up whole; where one may, the automaton decides, and a longer
    /// surface that ends inside a word hides the shorter one.
    #[test]
    fn runs_are_looked_up_whole_unless_a_longer_surface_may_go_on() {
        let g = gazetteer("New\tGPE\tNew\nNew Yor\tGPE\tNew Yor\nU\tORG\tU\nU.S.\tGPE\tUnited States");
        assert_eq!(found(&g, "New, New York; New Yor, U, U.S. and U.K"), ["New", "New Yor", "U", "U.S.", "U"]);
        let g = gazetteer(
            "New\tGPE\tNew\nNew York\tGPE\tNew York\nNew Yor\tGPE\tNew Yor\nMarks\tORG\tMarks\n\
             Marks & Spencer\tORG\tM&S\nParis\tGPE\tParis\nParis Saint-Germain\tORG\tPSG",
        );
        let text = "New Yorker; New York; New said; New Yor; Marks & Spencer; Marks said; Marks &; \
                    Paris said; Paris Saint-Germain; Paris Saints";
        let expected = [
            "New York",
            "New",
            "New Yor",
            "Marks & Spencer",
            "Marks",
            "Marks",
            "Paris",
            "Paris Saint-Germain",
            "Paris",
        ];
        assert_eq!(found(&g, text), expected);
    }

    /// The filters and the lookups of whole runs find what the automaton
    /// alone finds, tried at every word boundary, on random texts made of
    /// pieces of the surfaces.
    #[test]
    fn find_matches_the_automaton_at_every_boundary() {
        let g = gazetteer(
            "New\tGPE\tNew\nNew York\tGPE\tNew York\nNew Yor\tGPE\tNew Yor\nNew York Times\tORG\tNYT\n\
             Marks\tORG\tMarks\nMarks & Spencer\tORG\tM&S\nU.S.\tGPE\tUS\nU\tORG\tU\nCôte d'Ivoire\tGPE\tCIV\neasyJet\tORG\teasyJet\n\
             A\tORG\tA\nÉcole\tORG\tÉcole\n7\tORG\t7\nBank of England\tORG\tBoE\nBank of Eng\tORG\tBoE\n\
             Bank of America Merrill Lynch\tORG\tBAML\nBank\tORG\tBank\nStandard & Poor's\tORG\tS&P\n\
             Standard Life\tORG\tSL\nUS Air\tORG\tUS Air\nUS\tGPE\tUS\nUS Airways\tORG\tUS Airways",
        );
        let palette = [
            "New",
            "York",
            "Yor",
            "Yorker",
            "Times",
            " ",
            " ",
            ",",
            ".",
            "Marks",
            "Marks ",
            "& Spencer",
            "U",
            "S",
            "Côte",
            "d'Ivoire",
            "d’Ivoire",
            "easy",
            "Jet",
            "A",
            "École",
            "é",
            "7",
            "x",
            "-",
            "Bank",
            "Bank ",
            "of ",
            "England",
            "Eng",
            "America ",
            "Merrill",
            "Lynch",
            "Standard",
            "& Poor's",
            "Life",
            "US",
            "US ",
            "Air",
            "Airways",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..2_000 {
            let mut text = String::new();
            // Past a 64-byte block, so words that start a surface cross blocks.
            while text.len() < 200 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(palette[(seed >> 33) as usize % palette.len()]);
            }
            let mut expected = Vec::new();
            let mut at = 0;
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                if start < at || !is_word_boundary(&text, start) {
                    continue;
                }
                let input = Input::new(&text).range(start..).anchored(Anchored::Yes);
                if let Some(m) = g.automaton.find(input).filter(|m| is_word_boundary(&text, m.end())) {
                    expected
                        .push(Hit { span: Span::new(start, m.end()), entry: g.pattern_entry[m.pattern()] as usize });
                    at = m.end();
                }
            }
            assert_eq!(g.find(&text), expected, "{text:?}");
        }
    }

    /// Next runs of 63 bytes and longer share a length bit: the automaton decides.
    #[test]
    fn a_surface_ending_inside_a_long_run_hides_the_shorter_one() {
        let long = "x".repeat(70);
        let g = gazetteer(&format!("A\tORG\tA\nA {long}\tORG\tAx"));
        assert_eq!(found(&g, &format!("A {long}x; A {long}; A {}", &long[..63])), [format!("A {long}"), "A".into()]);
    }

    #[test]
    fn dash_variants() {
        let g = gazetteer("Guinea-Bissau\tGPE\tGuinea-Bissau");
        assert_eq!(found(&g, "Guinea–Bissau and Guinea-Bissau"), ["Guinea–Bissau", "Guinea-Bissau"]);
    }

    /// The block scan gives the positions the byte-by-byte rule gives: a
    /// byte some pattern starts with, unless it is an ASCII letter or digit
    /// after another (and the letters and digits). With and without patterns
    /// that start with punctuation.
    #[test]
    fn block_scan_matches_the_byte_rule() {
        let palette = ["a", "e", "Pa", "ris", "7", " ", ".", "(", "’", "É", "é", "中", "easy", "Jet", "\n"];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for rows in ["Paris\tGPE\tParis\neasyJet\tORG\teasyJet\nÉcole\tORG\tÉcole", "(ISC)2\tORG\tISC\n7\tORG\t7"] {
            let starts = &gazetteer(rows).starts;
            for _ in 0..300 {
                let mut text = String::new();
                while text.len() < 150 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    text.push_str(palette[(seed >> 33) as usize % palette.len()]);
                }
                let bytes = text.as_bytes();
                for base in (0..bytes.len()).step_by(BLOCK) {
                    let expected = (base..bytes.len().min(base + BLOCK))
                        .filter(|&i| {
                            starts.first[usize::from(bytes[i])]
                                && !(i > 0 && is_ascii_word_byte(bytes[i - 1]) && is_ascii_word_byte(bytes[i]))
                        })
                        .fold(0u64, |bits, i| bits | 1 << (i - base));
                    let words = (base..bytes.len().min(base + BLOCK))
                        .filter(|&i| is_ascii_word_byte(bytes[i]))
                        .fold(0u64, |bits, i| bits | 1 << (i - base));
                    let block = starts.block_at(bytes, base, base > 0 && is_ascii_word_byte(bytes[base - 1]));
                    assert_eq!((block.starts, block.words), (expected, words), "{text:?} at {base}");
                }
            }
        }
    }

    #[test]
    fn first_entry_wins_on_shared_surface() {
        let g = gazetteer("Georgia\tGPE\tGeorgia (country)\nGeorgia\tGPE\tGeorgia (US state)");
        assert_eq!(g.entries()[g.find("Georgia")[0].entry].canonical, "Georgia (country)");
    }
}
