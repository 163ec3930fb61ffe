//! [`Span`]: the one offset type of every layer.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets, `start..end`, into the text a
/// document was extracted from.
///
/// Every layer of saywho (tokens, sentences, entities, quotes) reports its
/// positions as spans. A span indexes `str` directly:
///
/// ```
/// use saywho::Span;
/// let text = "Nicolás Maduro said no.";
/// let name = Span::new(0, 15);
/// assert_eq!(&text[name], "Nicolás Maduro");
/// assert_eq!(name.len(), 15);
/// assert_eq!(format!("{name:?}"), "0..15");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// # Panics
    ///
    /// When `start > end`: spans are built from offsets saywho found itself,
    /// so an inverted span is a bug, never an input condition.
    #[inline]
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "inverted span {start}..{end}");
        Span { start, end }
    }

    /// A span from `start` to `end`, which the caller knows are in order
    /// (checked in debug builds only): for spans rebuilt from stored offsets.
    #[inline]
    pub(crate) fn ordered(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "inverted span {start}..{end}");
        Span { start, end }
    }

    /// The first byte offset.
    #[inline]
    pub fn start(self) -> usize {
        self.start
    }

    /// The byte offset one past the last byte.
    #[inline]
    pub fn end(self) -> usize {
        self.end
    }

    /// The number of bytes covered.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the span.
    #[inline]
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[inline]
    pub fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The part both spans share (empty, at the later start, when they do not overlap).
    #[inline]
    pub fn intersection(self, other: Span) -> Span {
        let start = self.start.max(other.start);
        Span::new(start, self.end.min(other.end).max(start))
    }

    /// The span without the white space at its start in `text`.
    pub(crate) fn trim_start(self, text: &str) -> Span {
        let inner = &text[self.start..self.end];
        Span::new(self.end - inner.trim_start().len(), self.end)
    }

    /// The span moved `by` bytes to the right.
    #[inline]
    pub(crate) fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The text under the span, or `None` when the span is out of bounds or
    /// not on character boundaries of `text`.
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// Spans sorted by start, answering "which of them overlap this span?" in
/// logarithmic time plus the number of answers (for bounded, linear passes
/// over long documents).
///
/// ```
/// use saywho::{unstable::SpanIndex, Span};
/// let index = SpanIndex::new(vec![Span::new(0, 10), Span::new(4, 6), Span::new(20, 30)]);
/// let hits: Vec<usize> = index.overlapping(Span::new(5, 21)).collect();
/// assert_eq!(hits, [2, 1, 0]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: Vec<Span>,
    /// The largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// Indexes `spans`, which must be sorted by start.
    pub fn new(spans: Vec<Span>) -> SpanIndex {
        debug_assert!(spans.windows(2).all(|w| w[0].start <= w[1].start), "spans must be sorted by start");
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        SpanIndex { spans, max_end }
    }

    /// The positions (in the sorted order) of the spans that share a byte with
    /// `span`, latest start first.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let below = self.spans.partition_point(|s| s.start < span.end);
        (0..below)
            .rev()
            .take_while(move |&i| self.max_end[i] > span.start)
            .filter(move |&i| self.spans[i].end > span.start)
    }
}

/// The unchecked form a span is read from, refused when inverted.
#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = String;

    fn try_from(raw: RawSpan) -> Result<Span, String> {
        if raw.start <= raw.end {
            Ok(Span { start: raw.start, end: raw.end })
        } else {
            Err(format!("inverted span {}..{}", raw.start, raw.end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations() {
        let a = Span::new(2, 6);
        assert!(a.contains(2) && a.contains(5) && !a.contains(6));
        assert!(a.covers(Span::new(3, 6)) && !a.covers(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(5, 9)) && !a.overlaps(Span::new(6, 9)));
        assert_eq!(a.cover(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(a.shift(2), Span::new(4, 8));
    }

    #[test]
    fn get_refuses_non_boundaries() {
        assert_eq!(Span::new(0, 2).get("é"), Some("é"));
        assert_eq!(Span::new(0, 1).get("é"), None);
        assert_eq!(Span::new(0, 9).get("é"), None);
    }

    #[test]
    fn deserialize_refuses_inverted() {
        assert!(serde_json::from_str::<Span>(r#"{"start":3,"end":1}"#).is_err());
        let span: Span = serde_json::from_str(r#"{"start":1,"end":3}"#).unwrap();
        assert_eq!(span, Span::new(1, 3));
    }
}
