//! Names as keys of the merge's maps, compared character by character
//! without building strings: a [`Straight`] name is read with its curly
//! apostrophes straight (`O’Neill` is `O'Neill`); a [`Shouted`] one is read
//! in capitals as well (`Leicestershire` is `LEICESTERSHIRE`). Both hash a
//! digest of their bytes folded eight at a time; an [`EndsFilter`] rules out
//! most names a map does not hold by their first and last bytes alone.

use std::hash::{Hash, Hasher};

use crate::swar::{u32_at, u64_at, HIGH_BITS};

/// `’` as `'`, so `O’Neill` and `O'Neill` are one name.
fn straight(ch: char) -> char {
    if ch == '’' {
        '\''
    } else {
        ch
    }
}

/// Folds a word of eight bytes into a digest. Both keys hash a digest of
/// the bytes they compare, folded eight at a time: read from one slice
/// ([`ascii_digest`]) or pushed one by one ([`Digester`]), the same bytes
/// make the same words, so equal keys have equal digests whatever parts
/// they are made of.
fn mix(digest: u64, word: u64) -> u64 {
    (digest ^ word).wrapping_mul(0xf135_7aea_2e62_a9c5).rotate_left(26)
}

/// The digest of `bytes`, each word masked by `mask`, if they are all ASCII.
/// They are read in blocks of two words; most names are shorter than one
/// block, and the words of that last block are read without a loop.
fn ascii_digest(bytes: &[u8], mask: u64) -> Option<u64> {
    let mut digest = 0;
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let (first, second) = (u64_at(block, 0), u64_at(block, 8));
        if (first | second) & HIGH_BITS != 0 {
            return None;
        }
        digest = mix(mix(digest, first & mask), second & mask);
    }
    let tail = blocks.remainder();
    if tail.is_empty() {
        return Some(digest);
    }
    let (first, second) = padded_block(tail);
    if (first | second) & HIGH_BITS != 0 {
        return None;
    }
    let digest = mix(digest, first & mask);
    Some(if tail.len() > 8 { mix(digest, second & mask) } else { digest })
}

/// One to fifteen bytes as two little-endian words, zero-padded: the second
/// one is all padding when there are eight bytes or fewer.
fn padded_block(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    if n >= 8 {
        // The word that ends the bytes, its first bytes shifted out: all of them when it is the first word.
        let end = u64_at(bytes, n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        (u64_at(bytes, 0), end)
    } else if n >= 4 {
        // Two words of four that overlap in the middle.
        (u32_at(bytes, 0) | u32_at(bytes, n - 4) << (8 * (n - 4)), 0)
    } else {
        let byte = |i: usize| u64::from(bytes[i]) << (8 * i);
        (byte(0) | byte(n / 2) | byte(n - 1), 0)
    }
}

/// Folds bytes pushed one at a time into the digest [`ascii_digest`]
/// gives the same bytes in one slice.
#[derive(Default)]
struct Digester {
    /// The words folded so far.
    digest: u64,
    /// The bytes pushed since, as a little-endian word.
    word: u64,
    /// How many bytes `word` holds.
    filled: u32,
}

impl Digester {
    /// The digest of the UTF-8 bytes of `chars`, each masked by `mask`.
    fn digest(chars: impl Iterator<Item = char>, mask: u8) -> u64 {
        let mut digester = Digester::default();
        chars.for_each(|ch| digester.push(ch, mask));
        digester.finish()
    }

    /// Pushes the UTF-8 bytes of `ch`, each masked by `mask`.
    fn push(&mut self, ch: char, mask: u8) {
        if ch.is_ascii() {
            self.push_byte(ch as u8 & mask);
        } else {
            ch.encode_utf8(&mut [0; 4]).bytes().for_each(|b| self.push_byte(b & mask));
        }
    }

    /// Pushes one byte.
    fn push_byte(&mut self, b: u8) {
        self.word |= u64::from(b) << (8 * self.filled);
        self.filled += 1;
        if self.filled == 8 {
            self.digest = mix(self.digest, self.word);
            (self.word, self.filled) = (0, 0);
        }
    }

    /// The digest of the bytes pushed.
    fn finish(self) -> u64 {
        if self.filled == 0 {
            self.digest
        } else {
            mix(self.digest, self.word)
        }
    }
}

/// A name with its curly apostrophes straight, in two parts so that a
/// formal given name can stand in for a nickname without a new string:
/// `William` and ` Clinton` make the key of `William Clinton`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Straight<'k> {
    head: &'k str,
    rest: &'k str,
}

impl<'k> Straight<'k> {
    /// The key of `name`.
    pub(super) fn new(name: &'k str) -> Straight<'k> {
        Straight { head: "", rest: name }
    }

    /// The key of `head` followed by `rest`.
    pub(super) fn joined(head: &'k str, rest: &'k str) -> Straight<'k> {
        Straight { head, rest }
    }

    /// The characters the key compares.
    fn chars(self) -> impl Iterator<Item = char> + 'k {
        self.head.chars().chain(self.rest.chars()).map(straight)
    }

    /// The first and last bytes of the key, for an [`EndsFilter`], when
    /// both are ASCII: equal keys with such ends have equal ends (only
    /// characters that are not ASCII are straightened).
    #[inline]
    pub(super) fn ends(self) -> Option<(u8, u8)> {
        let (head, rest) = (self.head.as_bytes(), self.rest.as_bytes());
        let (&first, &last) = (head.first().or(rest.first())?, rest.last().or(head.last())?);
        (first.is_ascii() && last.is_ascii()).then_some((first, last))
    }
}

/// The most bytes of a key in two parts that [`Straight::ascii_digest`]
/// joins on the stack: a formal given name and the rest of a name.
const JOINED_BYTES: usize = 128;

impl Straight<'_> {
    /// The digest of the key's bytes if they are all ASCII, with nothing to
    /// straighten: most names are. A key in two parts is joined in a buffer
    /// first, which costs less than pushing its characters one by one.
    fn ascii_digest(self) -> Option<u64> {
        if self.head.is_empty() {
            return ascii_digest(self.rest.as_bytes(), !0);
        }
        let (head, rest) = (self.head.as_bytes(), self.rest.as_bytes());
        let n = head.len() + rest.len();
        if n > JOINED_BYTES {
            return None;
        }
        let mut joined = [0; JOINED_BYTES];
        joined[..head.len()].copy_from_slice(head);
        joined[head.len()..n].copy_from_slice(rest);
        ascii_digest(&joined[..n], !0)
    }
}

impl Hash for Straight<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.ascii_digest().unwrap_or_else(|| Digester::digest(self.chars(), !0)));
    }
}

impl PartialEq for Straight<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Most keys that meet are the same name written the same way.
        (same_bytes(self.head, other.head) && same_bytes(self.rest, other.rest)) || self.chars().eq(other.chars())
    }
}

/// Whether `a` and `b` are the same text. Most names have up to 16 bytes:
/// they are compared a word from each end, overlapping, with no call to
/// `memcmp` (which an empty head would cost too).
#[inline(always)]
fn same_bytes(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        _ => a == b,
    }
}

impl Eq for Straight<'_> {}

/// A name as written in capitals, its apostrophes straight:
/// `Leicestershire` and `LEICESTERSHIRE` are one key, and so are `O’Neill`
/// and `O'NEILL`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shouted<'k>(&'k str);

impl<'k> Shouted<'k> {
    /// The key of `name`.
    pub(super) fn new(name: &'k str) -> Shouted<'k> {
        Shouted(name)
    }

    /// The characters the key compares.
    fn chars(self) -> impl Iterator<Item = char> + 'k {
        self.0.chars().map(straight).flat_map(char::to_uppercase)
    }

    /// The first and last bytes of the name in capitals, for an
    /// [`EndsFilter`], when both are ASCII: equal keys with such ends have
    /// equal ends.
    pub(super) fn ends(self) -> Option<(u8, u8)> {
        let bytes = self.0.as_bytes();
        let (&first, &last) = (bytes.first()?, bytes.last()?);
        // An ASCII character is one in capitals too, its case bit cleared as in the digest.
        (first.is_ascii() && last.is_ascii()).then_some((first & CASELESS, last & CASELESS))
    }
}

/// Clears the bit that tells an ASCII letter's lower case from its upper
/// case (and changes other bytes alike): a byte and its upper case agree
/// under it, so a [`Shouted`] key's digest needs no case tables for ASCII.
const CASELESS: u8 = !0x20;

impl Shouted<'_> {
    /// The digest of a name that is not all ASCII, character by character.
    #[inline(never)] // rare: kept out of the ASCII path it would crowd
    fn digest_of_chars(self) -> u64 {
        // An ASCII character and its capital agree under the mask: only the others need their capitals.
        let mut digester = Digester::default();
        for ch in self.0.chars().map(straight) {
            if ch.is_ascii() {
                digester.push(ch, CASELESS);
            } else {
                ch.to_uppercase().for_each(|upper| digester.push(upper, CASELESS));
            }
        }
        digester.finish()
    }
}

impl Hash for Shouted<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let caseless = u64::from_ne_bytes([CASELESS; 8]);
        let digest = ascii_digest(self.0.as_bytes(), caseless).unwrap_or_else(|| self.digest_of_chars());
        state.write_u64(digest);
    }
}

impl PartialEq for Shouted<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.0 == other.0 {
            true
        } else if self.0.is_ascii() && other.0.is_ascii() {
            self.0.eq_ignore_ascii_case(other.0)
        } else {
            self.chars().eq(other.chars())
        }
    }
}

impl Eq for Shouted<'_> {}

/// The ends (first and last bytes) of some names, a bit for each pair: a
/// name whose ends no bit stands for is none of them, and need not be
/// hashed to find that out. All bits are set once ends that are not ASCII
/// are in, as such names may have any ends.
#[derive(Default)]
pub(super) struct EndsFilter(u64);

impl EndsFilter {
    /// The bit of a pair of ends; all bits for ends that are not ASCII.
    #[inline]
    fn bits(ends: Option<(u8, u8)>) -> u64 {
        ends.map_or(!0, |(first, last)| {
            let pair = u64::from(first) << 8 | u64::from(last);
            1 << (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
        })
    }

    /// Adds the ends of a name.
    #[inline]
    pub(super) fn insert(&mut self, ends: Option<(u8, u8)>) {
        self.0 |= Self::bits(ends);
    }

    /// Whether a name with these ends may be among those added.
    #[inline]
    pub(super) fn may_hold(&self, ends: Option<(u8, u8)>) -> bool {
        self.0 & Self::bits(ends) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use rustc_hash::FxHashSet;
    use std::hash::DefaultHasher;

    #[test]
    fn same_bytes_compares_every_byte_at_every_length() {
        let name = "Zorbla Quuxington-Fenwick";
        let copy = String::from(name);
        for n in 0..=name.len() {
            let a = &name[..n];
            assert!(same_bytes(a, &copy[..n]), "{a}");
            // A text one byte shorter is another text.
            assert!(n == 0 || !same_bytes(a, &copy[..n - 1]), "{a}");
            // One byte changed anywhere makes another text.
            for i in 0..n {
                let mut other = a.as_bytes().to_vec();
                other[i] = b'#';
                assert!(!same_bytes(a, std::str::from_utf8(&other).unwrap()), "{a} at {i}");
            }
        }
    }

    #[test]
    fn straight_keys_ignore_apostrophes_and_where_the_parts_join() {
        let names: FxHashSet<Straight> =
            [Straight::new("O’Neill"), Straight::joined("William", " Clinton")].into_iter().collect();
        assert!(names.contains(&Straight::new("O'Neill")));
        assert!(names.contains(&Straight::joined("O", "’Neill")));
        assert!(names.contains(&Straight::new("William Clinton")));
        assert!(!names.contains(&Straight::new("O'NEILL")));
    }

    #[test]
    fn straight_ends_rule_out_names_by_their_first_and_last_bytes() {
        let mut filter = EndsFilter::default();
        assert!(!filter.may_hold(Straight::new("Smith").ends()), "an empty filter holds nothing");
        filter.insert(Straight::joined("William", " Clinton").ends());
        assert!(filter.may_hold(Straight::new("William Clinton").ends()));
        assert!(!filter.may_hold(Straight::new("William Clintom").ends()));
        // A curly apostrophe at an end may be straight in the other key: it lets anything through.
        assert_eq!(Straight::new("Jones’").ends(), None);
        filter.insert(Straight::new("Jones’").ends());
        assert!(filter.may_hold(Straight::new("Jones'").ends()));
    }

    #[test]
    fn a_key_in_two_parts_hashes_as_one_at_any_length() {
        // Joined on the stack up to `JOINED_BYTES`, pushed character by character beyond.
        for len in [3, 15, 16, 17, JOINED_BYTES, JOINED_BYTES + 1, 3 * JOINED_BYTES] {
            let name: String = "Zorblax Quux".chars().cycle().take(len).collect();
            let (head, rest) = name.split_at(2);
            assert_eq!(hash(Straight::joined(head, rest)), hash(Straight::new(&name)), "{len} bytes");
            let other = format!("{}y", &name[..len - 1]);
            assert_ne!(hash(Straight::joined(head, &other[2..])), hash(Straight::new(&name)), "{len} bytes");
        }
    }

    #[test]
    fn shouted_keys_ignore_case_and_apostrophes() {
        let names: FxHashSet<Shouted> = [Shouted::new("O’Neill"), Shouted::new("Straße")].into_iter().collect();
        assert!(names.contains(&Shouted::new("O'NEILL")));
        assert!(names.contains(&Shouted::new("STRASSE")));
        assert!(!names.contains(&Shouted::new("ONeill")));
    }

    /// Letters whose case is odd (`İ` and `ı`, `ſ` and `s`, the ligature `ﬀ`,
    /// the title-case `ǅ`, three sigmas, `ß`), both apostrophes, ASCII
    /// letters and the combining dot that lower-case `İ` ends in.
    const ALPHABET: &[char] = &[
        'İ', 'ı', 'ſ', 'ﬀ', 'ǅ', 'Ǆ', 'σ', 'ς', 'Σ', 'ß', '’', '\'', 'a', 'A', 'f', 'F', 'i', 'I', 's', 'S', 'z',
        '\u{307}',
    ];

    /// The ASCII characters of [`ALPHABET`], for long ASCII names.
    const ASCII: &[char] = &['\'', 'a', 'A', 'f', 'F', 'i', 'I', 's', 'S', 'z'];

    /// A name of up to 20 characters drawn from [`ALPHABET`] or, half the time, from [`ASCII`].
    fn name() -> impl Strategy<Value = String> {
        let from = |alphabet: &'static [char]| prop::collection::vec(select(alphabet), 0..20);
        prop_oneof![from(ALPHABET), from(ASCII)].prop_map(String::from_iter)
    }

    /// Two names, half the time one name and that name respelled: some
    /// characters in capitals or lower case, some apostrophes swapped.
    fn two_names() -> impl Strategy<Value = (String, String)> {
        let respelled = name().prop_flat_map(|name| {
            let chars: Vec<char> = name.chars().collect();
            let ways = prop::collection::vec(0..4u8, chars.len());
            (Just(name), ways.prop_map(move |ways| respell(&chars, &ways)))
        });
        prop_oneof![(name(), name()), respelled]
    }

    /// `chars` with each character in capitals (way 0), in lower case (1),
    /// with the other apostrophe (2) or as it is.
    fn respell(chars: &[char], ways: &[u8]) -> String {
        let respell_one = |(&ch, way): (&char, &u8)| -> String {
            match (way, ch) {
                (0, _) => ch.to_uppercase().collect(),
                (1, _) => ch.to_lowercase().collect(),
                (2, '’') => "'".into(),
                (2, '\'') => "’".into(),
                _ => ch.into(),
            }
        };
        chars.iter().zip(ways).map(respell_one).collect()
    }

    /// `name` in two parts, cut before one of its characters or at its end.
    fn cut(name: &str, at: Index) -> (&str, &str) {
        let cuts: Vec<usize> = name.char_indices().map(|(i, _)| i).chain([name.len()]).collect();
        name.split_at(cuts[at.index(cuts.len())])
    }

    /// Whether a filter holding `key`'s ends lets `other`'s through.
    fn passes(key: Option<(u8, u8)>, other: Option<(u8, u8)>) -> bool {
        let mut filter = EndsFilter::default();
        filter.insert(key);
        filter.may_hold(other)
    }

    fn hash(key: impl Hash) -> u64 {
        let mut state = DefaultHasher::new();
        key.hash(&mut state);
        state.finish()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn straight_keys_are_names_with_straight_apostrophes((a, b) in two_names(), at_a: Index, at_b: Index) {
            let (a_head, a_rest) = cut(&a, at_a);
            let (b_head, b_rest) = cut(&b, at_b);
            let keys = [Straight::new(&a), Straight::joined(a_head, a_rest)];
            let other_keys = [Straight::new(&b), Straight::joined(b_head, b_rest)];
            let equal = a.replace('’', "'") == b.replace('’', "'");
            prop_assert!(keys[0] == keys[1] && hash(keys[0]) == hash(keys[1]));
            for key in keys {
                for other in other_keys {
                    prop_assert_eq!(key == other, equal);
                    prop_assert!(!equal || hash(key) == hash(other));
                    prop_assert!(!equal || passes(key.ends(), other.ends()));
                }
            }
        }

        #[test]
        fn shouted_keys_are_names_in_capitals_with_straight_apostrophes((a, b) in two_names()) {
            let equal = a.replace('’', "'").to_uppercase() == b.replace('’', "'").to_uppercase();
            let (key, other) = (Shouted::new(&a), Shouted::new(&b));
            prop_assert_eq!(key == other, equal);
            prop_assert!(!equal || hash(key) == hash(other));
            prop_assert!(!equal || passes(key.ends(), other.ends()));
        }
    }
}
