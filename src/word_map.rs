//! Word lookups for the word lists: a hash table behind a filter.
//!
//! The rules ask the word lists about nearly every token (a cue verb? a
//! given name? a function word?), and the answer is nearly always no. A
//! [`WordMap`] first tests a [`WordFilter`]: 64 Kbit keyed on the word's
//! length and its first two and last two bytes, one multiplication that
//! rules out most absent words (nine text words in ten for the cue list)
//! before any hashing. The filter only ever says "maybe" for a word in the
//! map, so lookups give exactly what the map alone gives. One size for
//! every filter keeps the test a fixed shift and mask.
//!
//! The words that pass are looked up in an open-addressing table whose
//! 24-byte slots hold each word's first 16 bytes next to its length and
//! number: a word of up to 16 bytes is found by comparing a few numbers in
//! one slot, without hashing it byte by byte or reading the lexicon text
//! the stored word points into. The value is then read by number.

use std::fmt;

use crate::swar::{u32_at, GOLDEN};

/// Words and their values, behind a filter that rules most absent words out cheaply.
#[derive(Clone)]
pub(crate) struct WordMap<V> {
    /// Open addressing with linear probing: a power of two of slots, at
    /// least [`SLOTS_PER_WORD`] for each word, so probes are short and
    /// every probe ends at an empty slot.
    slots: Box<[Slot]>,
    /// The words, numbered in the order they came.
    words: Vec<&'static str>,
    /// The value of each word, by its number.
    values: Vec<V>,
    /// Lets every word of the map through.
    filter: WordFilter,
}

/// A slot of a [`WordMap`]'s table: a word's head, length and number, or empty.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's [`head`], or [`EMPTY_HEAD`].
    head: [u64; 2],
    /// The word's number times 256 plus its [`length_class`]; all ones when
    /// empty, a number past any word's.
    tag: u64,
}

/// The head of an empty slot, which no word has: UTF-8 has no byte 0xFF.
const EMPTY_HEAD: [u64; 2] = [u64::MAX; 2];

impl Slot {
    /// A slot that holds no word.
    const EMPTY: Slot = Slot { head: EMPTY_HEAD, tag: u64::MAX };

    /// The slot of word number `number`.
    fn new(word: &str, number: usize) -> Slot {
        Slot { head: head(word.as_bytes()), tag: (number as u64) << 8 | length_class(word) }
    }

    /// The number of the slot's word (past any word's when the slot is empty).
    #[inline(always)]
    fn number(self) -> usize {
        (self.tag >> 8) as usize
    }

    /// Whether a probe for `word`, whose head is `head`, ends here: the slot
    /// holds `word` or is empty. Words of up to 16 bytes with the same
    /// length and head are equal: their test reads the slot alone, and
    /// gives both outcomes from one comparison, so the probe's one branch
    /// is whether it goes on, not whether the word is there. Longer words
    /// also compare their text, looked up in `words`.
    #[inline(always)]
    fn ends_probe(self, word: &str, head: [u64; 2], words: &[&str]) -> bool {
        // 0 exactly when the slot's word has the length class and head of `word`.
        let differs = (self.head[0] ^ head[0]) | (self.head[1] ^ head[1]) | ((self.tag & 0xFF) ^ length_class(word));
        // 0 exactly when the slot is empty.
        let taken = self.head[0] ^ EMPTY_HEAD[0];
        if word.len() <= HEAD_BYTES {
            differs.min(taken) == 0
        } else {
            (differs == 0 && words[self.number()] == word) || taken == 0
        }
    }
}

/// How many of a word's bytes its [`head`] holds.
const HEAD_BYTES: usize = 16;

/// The length a slot notes: exact up to [`HEAD_BYTES`], one more for every
/// longer word (those compare their text).
#[inline(always)]
fn length_class(word: &str) -> u64 {
    word.len().min(HEAD_BYTES + 1) as u64
}

/// The fewest slots a table has for each word.
const SLOTS_PER_WORD: usize = 4;

/// The fewest slots a table has.
const MIN_SLOTS: usize = 16;

/// How many filter keys there are.
const FILTER_BITS: usize = 1 << 16;

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            slots: vec![Slot::EMPTY; MIN_SLOTS].into_boxed_slice(),
            words: Vec::new(),
            values: Vec::new(),
            filter: WordFilter::default(),
        }
    }
}

/// A set of words: a [`WordMap`] without values.
pub(crate) type WordSet = WordMap<()>;

/// A cheap test that rules out most words absent from a set: one bit per
/// filter key (a word's length and its first two and last two bytes), set
/// when a word of the set has that key. It says "maybe" for every word of
/// the set, and for a few others.
#[derive(Clone)]
pub(crate) struct WordFilter {
    /// A fixed-size array, so the test needs no bounds check.
    bits: Box<[u64; FILTER_BITS / 64]>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter { bits: Box::new([0; FILTER_BITS / 64]) }
    }
}

impl WordFilter {
    /// Lets `word` through from now on.
    pub fn insert(&mut self, word: &[u8]) {
        let key = filter_key(word);
        self.bits[key / 64] |= 1 << (key % 64);
    }

    /// Whether `word` may be in the set: always when it is.
    #[inline(always)]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let key = filter_key(word);
        self.bits[key / 64] & (1 << (key % 64)) != 0
    }

    /// Heap bytes used.
    pub fn memory_usage(&self) -> usize {
        self.bits.len() * 8
    }
}

impl<V: fmt::Debug> fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.words.iter().zip(&self.values)).finish()
    }
}

impl fmt::Debug for WordFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = self.bits.iter().map(|w| w.count_ones()).sum::<u32>();
        write!(f, "WordFilter({set} of {FILTER_BITS} keys)")
    }
}

impl<V> WordMap<V> {
    /// The value of `word`, if it is in the map.
    #[inline(always)] // the filter test at the call site; the table behind a call
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.filter.may_contain(word.as_bytes()) {
            return None;
        }
        self.table_get(word)
    }

    /// The value of `word` from the table alone, without the filter test:
    /// for a word that has passed this map's filter, or one that lets
    /// through more, already.
    #[inline]
    pub fn get_unfiltered(&self, word: &str) -> Option<&V> {
        self.table_get(word)
    }

    /// The filter in front of the map: it lets every word of the map through.
    pub fn filter(&self) -> &WordFilter {
        &self.filter
    }

    /// Whether the word with these bytes may be in the map: the filter test
    /// alone, for callers that have bytes, not yet a `str` (`false` is sure).
    #[inline(always)]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        self.filter.may_contain(word)
    }

    /// The lookup behind the filter, kept out of line so `get` inlines small.
    #[inline(never)]
    fn table_get(&self, word: &str) -> Option<&V> {
        if word.len() > HEAD_BYTES {
            return self.long_word_get(word);
        }
        self.lookup(word)
    }

    /// [`WordMap::table_get`] for a word longer than a head, which compares
    /// text: kept out of line, so the short words' path stays small.
    #[cold]
    #[inline(never)]
    fn long_word_get(&self, word: &str) -> Option<&V> {
        self.lookup(word)
    }

    /// The value in the slot where the probe for `word` ends.
    #[inline(always)]
    fn lookup(&self, word: &str) -> Option<&V> {
        self.values.get(self.slots[self.position(word)].number())
    }

    /// The index of the slot that holds `word`, or of the empty slot where it would go.
    #[inline(always)]
    fn position(&self, word: &str) -> usize {
        let head = head(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = table_hash(head, word.len()) & mask;
        while !self.slots[i].ends_probe(word, head, &self.words) {
            i = (i + 1) & mask;
        }
        i
    }

    /// Whether `word` is in the map.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Sets the value of `word`.
    pub fn insert(&mut self, word: &'static str, value: V) {
        match self.entry(word) {
            Entry::Occupied(old) => *old = value,
            Entry::Vacant(slot) => {
                slot.insert(value);
            }
        }
    }

    /// The entry of `word`, to fill or change in place.
    pub fn entry(&mut self, word: &'static str) -> Entry<'_, V> {
        self.reserve(1);
        let slot = self.position(word);
        let number = self.slots[slot].number();
        if number < self.values.len() {
            Entry::Occupied(&mut self.values[number])
        } else {
            Entry::Vacant(VacantEntry { map: self, slot, word })
        }
    }

    /// The values, in the order their words came.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }

    /// The values, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.values.iter_mut()
    }

    /// Makes room for `additional` more words.
    pub fn reserve(&mut self, additional: usize) {
        let needed = self.words.len().saturating_add(additional).saturating_mul(SLOTS_PER_WORD);
        if needed > self.slots.len() {
            // Past `usize`'s largest power of two no table fits in memory anyway.
            self.grow_to(needed.checked_next_power_of_two().unwrap_or(needed));
        }
    }

    /// Heap bytes used: the table, the word and value lists, and the filter.
    pub fn memory_usage(&self) -> usize {
        self.slots.len() * size_of::<Slot>()
            + self.words.capacity() * size_of::<&str>()
            + self.values.capacity() * size_of::<V>()
            + self.filter.memory_usage()
    }

    /// Moves the words to a table of `n` slots.
    fn grow_to(&mut self, n: usize) {
        self.slots = vec![Slot::EMPTY; n].into_boxed_slice();
        for (number, &word) in self.words.iter().enumerate() {
            let i = self.position(word);
            self.slots[i] = Slot::new(word, number);
        }
    }
}

impl WordSet {
    /// Adds `word` to the set.
    pub fn add(&mut self, word: &'static str) {
        self.insert(word, ());
    }
}

/// A word's place in a [`WordMap`], to fill or change in place.
pub(crate) enum Entry<'m, V> {
    /// The word is in the map, with this value.
    Occupied(&'m mut V),
    /// The word is not in the map yet.
    Vacant(VacantEntry<'m, V>),
}

/// A word not in a map yet, and the empty slot where it goes.
pub(crate) struct VacantEntry<'m, V> {
    /// The map the word goes in.
    map: &'m mut WordMap<V>,
    /// The empty slot where its probe ended.
    slot: usize,
    /// The word.
    word: &'static str,
}

impl<'m, V> VacantEntry<'m, V> {
    /// Puts the word in the map with `value`.
    fn insert(self, value: V) -> &'m mut V {
        let map = self.map;
        let number = map.words.len();
        map.slots[self.slot] = Slot::new(self.word, number);
        map.filter.insert(self.word.as_bytes());
        map.words.push(self.word);
        map.values.push(value);
        &mut map.values[number]
    }
}

impl<'m, V> Entry<'m, V> {
    /// Changes the value in place if the word is in the map.
    pub fn and_modify(mut self, change: impl FnOnce(&mut V)) -> Self {
        if let Entry::Occupied(value) = &mut self {
            change(value);
        }
        self
    }

    /// The value, after putting the word in the map with `value` if it is not there yet.
    pub fn or_insert(self, value: V) -> &'m mut V {
        match self {
            Entry::Occupied(old) => old,
            Entry::Vacant(slot) => slot.insert(value),
        }
    }

    /// The value, after putting the word in the map with the default value if it is not there yet.
    pub fn or_default(self) -> &'m mut V
    where
        V: Default,
    {
        self.or_insert(V::default())
    }
}

/// A word's bytes as two numbers that tell words of the same length apart
/// when they have at most [`HEAD_BYTES`] bytes (of longer words, the first
/// 16 bytes): four overlapping loads of 4 bytes from the ends of the first
/// 16 bytes and 4 bytes in, or the first, middle and last of 1 to 3 bytes.
#[inline(always)]
fn head(word: &[u8]) -> [u64; 2] {
    let n = word.len();
    if n >= 4 {
        let n = n.min(HEAD_BYTES);
        let four = |i: usize| u32_at(word, i);
        // 0 below 8 bytes (the loads then cover bytes 0..4 and n-4..n), 4 from 8 on (0..8 and n-8..n);
        // never past n - 4, which shows the compiler every load inside the word (no bounds checks).
        let inner = ((n >> 3) << 2).min(n - 4);
        [four(0) | four(inner) << 32, four(n - 4) | four(n - 4 - inner) << 32]
    } else if n > 0 {
        [u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16, 0]
    } else {
        [0, 0]
    }
}

/// The hash a [`WordMap`] table places a word by, from its head and length.
#[inline(always)]
fn table_hash(head: [u64; 2], len: usize) -> usize {
    let mixed = ((head[0] ^ len as u64).wrapping_mul(GOLDEN) ^ head[1]).wrapping_mul(GOLDEN);
    // The high half is the best mixed; tables have far fewer than 2^32 slots.
    (mixed >> 32) as usize
}

/// The filter key of a word: its length and its first two and last two
/// bytes, mixed into 16 bits.
#[inline(always)]
fn filter_key(bytes: &[u8]) -> usize {
    let n = bytes.len();
    let ends = if n >= 2 {
        u32::from_le_bytes([bytes[0], bytes[1], bytes[n - 2], bytes[n - 1]])
    } else {
        bytes.first().map_or(0, |&b| u32::from(b))
    };
    let packed = u64::from(ends) | (n as u64) << 32;
    (packed.wrapping_mul(GOLDEN) >> 48) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let mut map = WordMap::default();
        let words = [
            "",
            "a",
            "of",
            "said",
            "Prime",
            "Minister",
            "São",
            "’s",
            "exactly16bytes!!",
            "seventeen bytes!!",
            "internationalisation",
            "internationalization",
        ];
        for (i, w) in words.iter().enumerate() {
            map.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w:?}");
        }
        let absent = [
            "b",
            "sa",
            "says",
            "Prim",
            "minister",
            "Sao",
            "'s",
            "said ",
            "said\0",
            "exactly16bytes!?",
            "seventeen bytes!?",
            "internationalisatio",
            "internationalisation!",
            "internationalizatioN",
        ];
        for w in absent {
            assert_eq!(map.get(w), None, "{w:?}");
        }
    }

    #[test]
    fn entries_count_as_inserted() {
        let mut set = WordSet::default();
        set.add("told");
        let mut lists: WordMap<Vec<&str>> = WordMap::default();
        lists.entry("Bill").or_default().push("William");
        lists.entry("Bill").or_default().push("Billy");
        assert!(set.contains("told") && !set.contains("tell"));
        assert_eq!(lists.get("Bill").map(Vec::as_slice), Some(&["William", "Billy"][..]));
        let mut counts = WordMap::default();
        for w in ["a", "b", "a"] {
            counts.entry(w).and_modify(|n| *n += 1).or_insert(1);
        }
        assert_eq!((counts.get("a"), counts.get("b"), counts.get("c")), (Some(&2), Some(&1), None));
    }

    #[test]
    fn finds_every_word_as_the_table_grows() {
        let words: Vec<&'static str> = (0..1000).map(|i| &*format!("w{i}").leak()).collect();
        let mut set = WordSet::default();
        for (n, w) in words.iter().enumerate() {
            set.add(w);
            assert!(words[..=n].iter().all(|w| set.contains(w)), "after {n}");
            assert!(!set.contains(&format!("w{}", n + 1)), "after {n}");
        }
        assert!(set.slots.len() >= SLOTS_PER_WORD * words.len());
    }

    /// Words short and long, ASCII and not, that share beginnings and ends
    /// often: one to four pieces from a small stock.
    fn word() -> impl Strategy<Value = String> {
        let piece =
            prop::sample::select(vec!["", "a", "e", "é", "on", "Ka", "ß", "sixteen-bytes-ab", "’", "\0", "xyz"]);
        prop::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn agrees_with_a_hash_map(
            inserted in prop::collection::vec((word(), any::<u8>()), 0..80),
            asked in prop::collection::vec(word(), 0..80),
        ) {
            let mut map = WordMap::default();
            let mut model = HashMap::new();
            for (w, v) in inserted {
                let w: &'static str = w.leak();
                map.insert(w, v);
                model.insert(w, v);
            }
            for w in model.keys().copied().chain(asked.iter().map(String::as_str)) {
                prop_assert_eq!(map.get(w), model.get(w), "{:?}", w);
            }
            prop_assert_eq!(map.words.len(), model.len());
        }
    }
}
