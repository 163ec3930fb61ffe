//! Word lookups for the word lists: a hash map behind a filter.
//!
//! The rules ask the word lists about nearly every token (a cue verb? a
//! given name? a function word?), and the answer is nearly always no. A
//! [`WordMap`] first tests a [`WordFilter`]: 64 Kbit keyed on the word's
//! length and its first two and last two bytes, one multiplication that
//! rules out most absent words (nine text words in ten for the cue list)
//! before any hashing. The filter only ever says "maybe" for a word in the
//! map, so lookups give exactly what the map alone gives.

use std::collections::hash_map::Entry;
use std::fmt;

use rustc_hash::FxHashMap;

/// Words and their values, behind a filter that rules most absent words out cheaply.
#[derive(Clone)]
pub(crate) struct WordMap<V> {
    map: FxHashMap<&'static str, V>,
    filter: WordFilter,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { map: FxHashMap::default(), filter: WordFilter::default() }
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

/// How many filter keys there are.
const FILTER_BITS: usize = 1 << 16;

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
        self.map.fmt(f)
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
    #[inline(always)] // the filter test at the call site; the map behind a call
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.filter.may_contain(word.as_bytes()) {
            return None;
        }
        self.map_get(word)
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
    fn map_get(&self, word: &str) -> Option<&V> {
        self.map.get(word)
    }

    /// Whether `word` is in the map.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Sets the value of `word`.
    pub fn insert(&mut self, word: &'static str, value: V) {
        self.entry(word).insert_entry(value);
    }

    /// The entry of `word`, to fill in place; `word` counts as in the map from now on.
    pub fn entry(&mut self, word: &'static str) -> Entry<'_, &'static str, V> {
        self.filter.insert(word.as_bytes());
        self.map.entry(word)
    }

    /// The values, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }

    /// Makes room for `additional` more words.
    pub fn reserve(&mut self, additional: usize) {
        self.map.reserve(additional);
    }
}

impl WordSet {
    /// Adds `word` to the set.
    pub fn add(&mut self, word: &'static str) {
        self.insert(word, ());
    }
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
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let mut map = WordMap::default();
        let words = ["", "a", "of", "said", "Prime", "Minister", "São", "’s"];
        for (i, w) in words.iter().enumerate() {
            map.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w:?}");
        }
        for w in ["b", "sa", "says", "Prim", "minister", "Sao", "'s", "said "] {
            assert_eq!(map.get(w), None, "{w:?}");
        }
    }

    #[test]
    fn entries_count_as_inserted() {
        let mut set = WordSet::default();
        set.add("told");
        let mut lists: WordMap<Vec<&str>> = WordMap::default();
        lists.entry("Bill").or_default().push("William");
        assert!(set.contains("told") && !set.contains("tell"));
        assert_eq!(lists.get("Bill").map(Vec::as_slice), Some(&["William"][..]));
    }
}
