//! Sets of a document's tokens, one bit per token, built and scanned 64
//! tokens at a time: the per-token passes of the rules ask "may this token
//! matter?" of every token, and most answers are no.

use crate::token::Token;

/// A set of token indices (`0..n` for a document of `n` tokens).
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenBits {
    /// Bit `k % 64` of word `k / 64` is set when token `k` is in the set.
    words: Vec<u64>,
}

impl TokenBits {
    /// No token of a document of `n` tokens.
    pub fn empty(n: usize) -> TokenBits {
        TokenBits { words: vec![0; n.div_ceil(64)] }
    }

    /// The tokens `test` holds for. `test` runs on every token and only its
    /// result is stored, so keep it free of branches on the token's data.
    pub fn of(tokens: &[Token], test: impl Fn(&Token) -> bool) -> TokenBits {
        let bits = |chunk: &[Token]| chunk.iter().enumerate().fold(0, |bits, (i, t)| bits | u64::from(test(t)) << i);
        let words = tokens
            .chunks(64)
            .map(|chunk| match <&[Token; 64]>::try_from(chunk) {
                // A whole chunk's length is known when compiling: its loop
                // is unrolled, with no test for its end at every token.
                Ok(whole) => bits(whole),
                Err(_) => bits(chunk),
            })
            .collect();
        TokenBits { words }
    }

    /// The set held word by word: bit `i` of word `w` stands for token `64 * w + i`.
    pub fn from_words(words: Vec<u64>) -> TokenBits {
        TokenBits { words }
    }

    /// The words of 64 bits, in token order.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Adds token `k`.
    pub fn insert(&mut self, k: usize) {
        self.words[k / 64] |= 1 << (k % 64);
    }

    /// Whether token `k` is in the set.
    #[inline]
    pub fn contains(&self, k: usize) -> bool {
        self.words.get(k / 64).is_some_and(|&w| w & (1 << (k % 64)) != 0)
    }

    /// The first token of the set in `from..end`: a scan of 64 tokens at a
    /// time, whose only data-dependent branch is finding one.
    #[inline]
    pub fn next(&self, from: usize, end: usize) -> Option<usize> {
        let mut w = from / 64;
        // The bits of `from` and after in the first word.
        let mut bits = self.words.get(w)? & (u64::MAX << (from % 64));
        loop {
            if bits != 0 {
                let k = w * 64 + bits.trailing_zeros() as usize;
                return (k < end).then_some(k);
            }
            w += 1;
            if w * 64 >= end {
                return None;
            }
            bits = *self.words.get(w)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn next_finds_every_member_in_order_across_words() {
        let text = "a ".repeat(200);
        let tokens = tokenize(&text);
        let members = [0, 5, 63, 64, 65, 127, 128, 199];
        let mut set = TokenBits::empty(tokens.len());
        members.iter().for_each(|&k| set.insert(k));
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(k) = set.next(from, tokens.len()) {
            found.push(k);
            from = k + 1;
        }
        assert_eq!(found, members);
        assert_eq!(set.next(66, 127), None);
        assert_eq!(set.next(0, 500), Some(0));
        assert_eq!(set.next(200, 500), None);
        assert!(set.contains(64) && !set.contains(66) && !set.contains(1000));
        let words = TokenBits::of(&tokens, |t| t.span().start() % 20 == 0);
        assert_eq!(words.next(1, tokens.len()), Some(10));
    }
}
