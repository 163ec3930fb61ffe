//! SWAR (SIMD within a register): eight bytes of text read into a `u64`
//! and tested at once with plain arithmetic, so a scan over words costs no
//! branch per byte. The tokenizer, the gazetteer's block scan, the merge
//! keys' digests and the word tables read bytes through these helpers.
//!
//! A tested byte is marked by its high bit (`0x80`), the others are `0x00`.

/// Every byte's high bit.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// 2^64 divided by the golden ratio: the multiplier of Fibonacci hashing,
/// which spreads keys that differ in a few bits over the high bits of the
/// product.
pub(crate) const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// `b` in each of the eight bytes.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The eight bytes of `bytes` from `at`, as a little-endian word; 0 when
/// fewer than eight bytes are left (callers read whole words inside the slice).
#[inline(always)]
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..).and_then(<[u8]>::first_chunk).map_or(0, |&eight| u64::from_le_bytes(eight))
}

/// The four bytes of `bytes` from `at`, as a little-endian word in the low
/// half of a `u64`; 0 when fewer than four bytes are left.
#[inline(always)]
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..).and_then(<[u8]>::first_chunk).map_or(0, |&four| u64::from(u32::from_le_bytes(four)))
}

/// Each byte of `x` becomes `0x80` where it is an ASCII letter or digit and
/// `0x00` elsewhere (the low seven bits of every byte are cleared).
#[inline]
pub(crate) fn ascii_word_bytes(x: u64) -> u64 {
    // With the high bits cleared, adding at most 0x50 never carries into the next byte,
    // so `v + (0x80 - lo)` has its high bit set exactly when `v >= lo`.
    let low = x & splat(0x7f);
    let folded = low | splat(0x20); // ASCII letters folded to lower case
    let letter = (folded + splat(0x80 - b'a')) & !(folded + splat(0x80 - (b'z' + 1)));
    let digit = (low + splat(0x80 - b'0')) & !(low + splat(0x80 - (b'9' + 1)));
    (letter | digit) & !x & HIGH_BITS
}

/// The high bits of the eight bytes of `x`, gathered into the low eight bits
/// (byte `i`'s in bit `i`): one multiplication moves each to its place.
#[inline]
pub(crate) fn gather_high_bits(x: u64) -> u64 {
    ((x & HIGH_BITS) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_read_little_endian_and_zero_past_the_end() {
        assert_eq!(u64_at(b"abcdefghij", 2), u64::from_le_bytes(*b"cdefghij"));
        assert_eq!(u64_at(b"abcdefghij", 3), 0);
        assert_eq!(u64_at(b"abc", 9), 0);
        assert_eq!(u32_at(b"abcdef", 1), u64::from(u32::from_le_bytes(*b"bcde")));
        assert_eq!(u32_at(b"abcdef", 3), 0);
    }

    #[test]
    fn word_bytes_are_ascii_letters_and_digits() {
        for b in 0..=u8::MAX {
            let x = u64::from(b) << 24;
            let want = if b.is_ascii_alphanumeric() { 0x80 << 24 } else { 0 };
            assert_eq!(ascii_word_bytes(x) & (0xFF << 24), want, "{b:#x}");
        }
        assert_eq!(ascii_word_bytes(u64::from_le_bytes(*b"aZ09 .\xc3\xa9")), 0x0000_0000_8080_8080);
    }

    #[test]
    fn high_bits_gather_in_order() {
        for byte in 0..8 {
            assert_eq!(gather_high_bits(0x80 << (8 * byte)), 1 << byte);
        }
        assert_eq!(gather_high_bits(HIGH_BITS), 0xFF);
        assert_eq!(gather_high_bits(!HIGH_BITS), 0);
    }
}
