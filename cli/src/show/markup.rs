//! A text with elements around spans of it, as HTML: the markup is built
//! from the sorted boundaries of the spans, never by replacing strings, so
//! spans may nest, share boundaries or cross one another.
//!
//! Spans that nest become nested elements (the longer outside; for equal
//! spans, the lower [`Mark::rank`]). An element whose span crosses the end
//! of another is closed before that end and opened again after it, as a
//! second piece ([`Mark::reopen`]), so the HTML is always well formed. Text
//! between boundaries is escaped.

use std::cmp::Reverse;

use crate::html::escape_into;

/// An element to put around `start..end` (byte offsets) of the text.
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Among marks with equal spans, lower ranks go outside.
    pub rank: u8,
    /// The opening tag of the element's first piece.
    pub open: String,
    /// The opening tag of any later piece (without the first piece's `id`).
    pub reopen: String,
    /// The closing tag.
    pub close: &'static str,
}

/// Appends `text`, escaped, with every mark's element around its span.
/// Empty marks and marks that do not fall on character boundaries of the
/// text are left out.
///
/// Time is linear in the text and in the marks (after sorting them) times
/// the depth of nesting at a boundary where an element is split.
pub fn render(out: &mut String, text: &str, marks: &[Mark]) {
    let mut order: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].start < marks[i].end && text.get(marks[i].start..marks[i].end).is_some())
        .collect();
    order.sort_by_key(|&i| (marks[i].start, Reverse(marks[i].end), marks[i].rank));
    let mut ends: Vec<usize> = order.iter().map(|&i| marks[i].end).collect();
    ends.sort_unstable();
    let mut open: Vec<usize> = Vec::new();
    let mut reopened: Vec<usize> = Vec::new();
    let (mut pos, mut next_open, mut next_end) = (0, 0, 0);
    loop {
        let next_start = order.get(next_open).map(|&i| marks[i].start);
        let Some(at) = [next_start, ends.get(next_end).copied()].into_iter().flatten().min() else { break };
        escape_into(out, &text[pos..at]);
        pos = at;
        // Close every element ending here, and split any element opened inside one of them.
        if ends.get(next_end) == Some(&at) {
            while ends.get(next_end) == Some(&at) {
                next_end += 1;
            }
            let lowest = open.iter().position(|&i| marks[i].end == at).unwrap_or(open.len());
            reopened.clear();
            for &i in open[lowest..].iter().rev() {
                out.push_str(marks[i].close);
                if marks[i].end > at {
                    reopened.push(i);
                }
            }
            open.truncate(lowest);
            for &i in reopened.iter().rev() {
                out.push_str(&marks[i].reopen);
                open.push(i);
            }
        }
        while let Some(&i) = order.get(next_open).filter(|&&i| marks[i].start == at) {
            out.push_str(&marks[i].open);
            open.push(i);
            next_open += 1;
        }
    }
    escape_into(out, &text[pos..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mark drawn as `<n>…</n>` for its first piece and `<n+>…</n>` for the others
    /// (the closing tag leaked: a few bytes per test).
    fn mark(name: &str, start: usize, end: usize, rank: u8) -> Mark {
        let close: &'static str = Box::leak(format!("</{name}>").into_boxed_str());
        Mark { start, end, rank, open: format!("<{name}>"), reopen: format!("<{name}+>"), close }
    }

    fn html(text: &str, marks: &[Mark]) -> String {
        let mut out = String::new();
        render(&mut out, text, marks);
        out
    }

    #[test]
    fn nested_spans_nest_the_longer_outside_whatever_their_order() {
        let text = "Ann said no.";
        assert_eq!(html(text, &[mark("e", 0, 3, 0), mark("q", 0, 12, 0)]), "<q><e>Ann</e> said no.</q>");
        assert_eq!(html(text, &[mark("q", 0, 12, 0), mark("e", 0, 3, 0)]), "<q><e>Ann</e> said no.</q>");
        assert_eq!(html(text, &[mark("c", 4, 8, 0), mark("q", 0, 12, 0)]), "<q>Ann <c>said</c> no.</q>");
    }

    #[test]
    fn equal_spans_nest_by_rank() {
        let text = "Ann";
        assert_eq!(html(text, &[mark("e", 0, 3, 2), mark("s", 0, 3, 1)]), "<s><e>Ann</e></s>");
        assert_eq!(html(text, &[mark("e", 0, 3, 0), mark("s", 0, 3, 1)]), "<e><s>Ann</s></e>");
    }

    #[test]
    fn adjacent_spans_do_not_nest() {
        assert_eq!(html("AnnBob", &[mark("a", 0, 3, 0), mark("b", 3, 6, 0)]), "<a>Ann</a><b>Bob</b>");
    }

    #[test]
    fn a_crossing_span_is_split_into_pieces() {
        // "said no" crosses "Ann said": the later element is closed and reopened.
        let text = "Ann said no.";
        assert_eq!(html(text, &[mark("a", 0, 8, 0), mark("b", 4, 11, 0)]), "<a>Ann <b>said</b></a><b+> no</b>.");
        // Two elements opened inside the one that ends are both reopened, in their order.
        let marks = [mark("a", 0, 5, 0), mark("b", 2, 9, 0), mark("c", 3, 8, 0)];
        assert_eq!(html("0123456789", &marks), "<a>01<b>2<c>34</c></b></a><b+><c+>567</c>8</b>9");
    }

    #[test]
    fn the_text_is_escaped_inside_and_outside_marks() {
        let text = "<b>&\"x\"";
        assert_eq!(html(text, &[mark("m", 3, 4, 0)]), "&lt;b&gt;<m>&amp;</m>&quot;x&quot;");
    }

    #[test]
    fn empty_and_misplaced_marks_are_left_out_and_do_not_panic() {
        let text = "Zoë";
        // 3 is inside the two bytes of ë; 9 is past the end.
        let marks = [mark("a", 1, 1, 0), mark("b", 0, 3, 0), mark("c", 2, 9, 0), mark("d", 0, 4, 0)];
        assert_eq!(html(text, &marks), "<d>Zoë</d>");
        assert_eq!(html("", &[]), "");
    }

    #[test]
    fn every_open_tag_is_closed() {
        // Many crossing marks: count the tags.
        let text = "abcdefghijklmnopqrstuvwxyz";
        let marks: Vec<Mark> = (0..20).map(|i| mark("m", i, (i + 5).min(26), (i % 3) as u8)).collect();
        let out = html(text, &marks);
        assert_eq!(out.matches("<m>").count(), 20);
        assert_eq!(out.matches("<m>").count() + out.matches("<m+>").count(), out.matches("</m>").count());
        let stripped = out.replace("<m+>", "").replace("<m>", "").replace("</m>", "");
        assert_eq!(stripped, text);
    }
}
