//! Names as keys of the merge's maps, compared character by character
//! without building strings: a [`Folded`] name does not tell curly from
//! straight apostrophes (`O’Neill`, `O'Neill`); a [`Shouted`] one does not
//! tell case either (`Leicestershire`, `LEICESTERSHIRE`).

use std::hash::{Hash, Hasher};

/// `’` as `'`, so `O’Neill` and `O'Neill` are one name.
fn straight(ch: char) -> char {
    if ch == '’' {
        '\''
    } else {
        ch
    }
}

/// The UTF-8 bytes of `s` with each `’` as `'`.
fn straight_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    let mut bytes = s.as_bytes();
    std::iter::from_fn(move || {
        let (&b, rest) = bytes.split_first()?;
        match rest {
            // `’` is E2 80 99 in UTF-8.
            [0x80, 0x99, after @ ..] if b == 0xE2 => {
                bytes = after;
                Some(b'\'')
            }
            _ => {
                bytes = rest;
                Some(b)
            }
        }
    })
}

/// A name with its curly apostrophes straight, in two parts so that a
/// formal given name can stand in for a nickname without a new string:
/// `William` and ` Clinton` make the key of `William Clinton`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Folded<'k> {
    head: &'k str,
    rest: &'k str,
}

impl<'k> Folded<'k> {
    /// The key of `name`.
    pub(super) fn new(name: &'k str) -> Folded<'k> {
        Folded { head: "", rest: name }
    }

    /// The key of `head` followed by `rest`.
    pub(super) fn joined(head: &'k str, rest: &'k str) -> Folded<'k> {
        Folded { head, rest }
    }

    /// The bytes the key compares.
    fn bytes(self) -> impl Iterator<Item = u8> + 'k {
        straight_bytes(self.head).chain(straight_bytes(self.rest))
    }
}

impl Hash for Folded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Byte by byte, so that where the parts join does not count.
        for b in self.bytes() {
            state.write_u8(b);
        }
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Most keys that meet are the same name written the same way.
        (self.head == other.head && self.rest == other.rest) || self.bytes().eq(other.bytes())
    }
}

impl Eq for Folded<'_> {}

/// A name as written in capitals, its apostrophes straight:
/// `Leicestershire` and `LEICESTERSHIRE` are one key, and so are `O’Neill`
/// and `O'NEILL`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shouted<'k>(pub(super) &'k str);

impl<'k> Shouted<'k> {
    /// The characters the key compares.
    fn chars(self) -> impl Iterator<Item = char> + 'k {
        self.0.chars().map(straight).flat_map(char::to_uppercase)
    }
}

impl Hash for Shouted<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The characters of `chars`, with no case tables for ASCII ones.
        for ch in self.0.chars().map(straight) {
            if ch.is_ascii() {
                state.write_u32(ch.to_ascii_uppercase().into());
            } else {
                ch.to_uppercase().for_each(|upper| state.write_u32(upper.into()));
            }
        }
    }
}

impl PartialEq for Shouted<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.0.is_ascii() && other.0.is_ascii() {
            self.0.eq_ignore_ascii_case(other.0)
        } else {
            self.chars().eq(other.chars())
        }
    }
}

impl Eq for Shouted<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    #[test]
    fn folded_keys_ignore_apostrophes_and_where_the_parts_join() {
        let names: FxHashSet<Folded> =
            [Folded::new("O’Neill"), Folded::joined("William", " Clinton")].into_iter().collect();
        assert!(names.contains(&Folded::new("O'Neill")));
        assert!(names.contains(&Folded::joined("O", "’Neill")));
        assert!(names.contains(&Folded::new("William Clinton")));
        assert!(!names.contains(&Folded::new("O'NEILL")));
    }

    #[test]
    fn shouted_keys_ignore_case_and_apostrophes() {
        let names: FxHashSet<Shouted> = [Shouted("O’Neill"), Shouted("Straße")].into_iter().collect();
        assert!(names.contains(&Shouted("O'NEILL")));
        assert!(names.contains(&Shouted("STRASSE")));
        assert!(!names.contains(&Shouted("ONeill")));
    }
}
