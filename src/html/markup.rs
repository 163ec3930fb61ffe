//! A text with elements around spans of it, as HTML: the markup is built
//! from the sorted boundaries of the spans, never by replacing strings, so
//! spans may nest, share boundaries or cross one another.
//!
//! Spans that nest become nested elements (the longer outside; for equal
//! spans, the lower [`Mark::rank`]). An element whose span crosses the end
//! of another is closed before that end and opened again after it, as a
//! second piece (without [`Mark::first`]), so the HTML is always well formed. Text
//! between boundaries is escaped.

use std::cmp::Reverse;

use super::escape_into;

/// A `<span>` to put around `start..end` (byte offsets) of the text.
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Among marks with equal spans, lower ranks go outside.
    pub rank: u8,
    /// The attributes of every piece of the element (` class="…"`, each with its leading space).
    pub attrs: String,
    /// The attributes of its first piece only (` id="…"`); later pieces get ` data-cont=""` instead.
    pub first: String,
}

impl Mark {
    fn open(&self, out: &mut String, first: bool) {
        out.push_str("<span");
        out.push_str(if first { &self.first } else { r#" data-cont="""# });
        out.push_str(&self.attrs);
        out.push('>');
    }
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
                out.push_str("</span>");
                if marks[i].end > at {
                    reopened.push(i);
                }
            }
            open.truncate(lowest);
            for &i in reopened.iter().rev() {
                marks[i].open(out, false);
                open.push(i);
            }
        }
        while let Some(&i) = order.get(next_open).filter(|&&i| marks[i].start == at) {
            marks[i].open(out, true);
            open.push(i);
            next_open += 1;
        }
    }
    escape_into(out, &text[pos..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mark drawn, once [`short`]ened, as `<name>…</>` for its first piece and `<+name>…</>` for later ones.
    fn mark(name: &str, start: usize, end: usize, rank: u8) -> Mark {
        Mark { start, end, rank, attrs: format!(" {name}"), first: String::new() }
    }

    /// The text with `marks`, its tags shortened: `<span a>` → `<a>`, `<span data-cont="" a>` → `<+a>`, `</span>` → `</>`.
    fn html(text: &str, marks: &[Mark]) -> String {
        let mut out = String::new();
        render(&mut out, text, marks);
        out.replace(r#"<span data-cont="" "#, "<+").replace("<span ", "<").replace("</span>", "</>")
    }

    #[test]
    fn nested_spans_nest_the_longer_outside_whatever_their_order() {
        let text = "Ann said no.";
        assert_eq!(html(text, &[mark("e", 0, 3, 0), mark("q", 0, 12, 0)]), "<q><e>Ann</> said no.</>");
        assert_eq!(html(text, &[mark("q", 0, 12, 0), mark("e", 0, 3, 0)]), "<q><e>Ann</> said no.</>");
        assert_eq!(html(text, &[mark("c", 4, 8, 0), mark("q", 0, 12, 0)]), "<q>Ann <c>said</> no.</>");
    }

    #[test]
    fn equal_spans_nest_by_rank() {
        let text = "Ann";
        assert_eq!(html(text, &[mark("e", 0, 3, 2), mark("s", 0, 3, 1)]), "<s><e>Ann</></>");
        assert_eq!(html(text, &[mark("e", 0, 3, 0), mark("s", 0, 3, 1)]), "<e><s>Ann</></>");
    }

    #[test]
    fn adjacent_spans_do_not_nest() {
        assert_eq!(html("AnnBob", &[mark("a", 0, 3, 0), mark("b", 3, 6, 0)]), "<a>Ann</><b>Bob</>");
    }

    #[test]
    fn a_crossing_span_is_split_into_pieces() {
        // "said no" crosses "Ann said": the later element is closed and reopened.
        let text = "Ann said no.";
        assert_eq!(html(text, &[mark("a", 0, 8, 0), mark("b", 4, 11, 0)]), "<a>Ann <b>said</></><+b> no</>.");
        // Two elements opened inside the one that ends are both reopened, in their order.
        let marks = [mark("a", 0, 5, 0), mark("b", 2, 9, 0), mark("c", 3, 8, 0)];
        assert_eq!(html("0123456789", &marks), "<a>01<b>2<c>34</></></><+b><+c>567</>8</>9");
    }

    #[test]
    fn only_the_first_piece_has_the_first_attributes() {
        let mut b = mark("b", 4, 11, 0);
        b.first = r#" id="b""#.into();
        let mut out = String::new();
        render(&mut out, "Ann said no.", &[mark("a", 0, 8, 0), b]);
        assert_eq!(out, r#"<span a>Ann <span id="b" b>said</span></span><span data-cont="" b> no</span>."#);
    }

    #[test]
    fn the_text_is_escaped_inside_and_outside_marks() {
        let text = "<b>&\"x\"";
        assert_eq!(html(text, &[mark("m", 3, 4, 0)]), "&lt;b&gt;<m>&amp;</>&quot;x&quot;");
    }

    #[test]
    fn empty_and_misplaced_marks_are_left_out_and_do_not_panic() {
        let text = "Zoë";
        // 3 is inside the two bytes of ë; 9 is past the end.
        let marks = [mark("a", 1, 1, 0), mark("b", 0, 3, 0), mark("c", 2, 9, 0), mark("d", 0, 4, 0)];
        assert_eq!(html(text, &marks), "<d>Zoë</>");
        assert_eq!(html("", &[]), "");
    }

    #[test]
    fn every_open_tag_is_closed() {
        // Many crossing marks: count the tags.
        let text = "abcdefghijklmnopqrstuvwxyz";
        let marks: Vec<Mark> = (0..20).map(|i| mark("m", i, (i + 5).min(26), (i % 3) as u8)).collect();
        let out = html(text, &marks);
        assert_eq!(out.matches("<m>").count(), 20);
        assert_eq!(out.matches("<m>").count() + out.matches("<+m>").count(), out.matches("</>").count());
        let stripped = out.replace("<+m>", "").replace("<m>", "").replace("</>", "");
        assert_eq!(stripped, text);
    }
}
