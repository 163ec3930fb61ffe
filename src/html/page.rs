//! The pages of `saywho show`, as pure functions: one article with what
//! saywho found in it ([`article_page`]), and the index of many ([`index_page`]).
//!
//! In the article, entities are boxed by label (colour, border style and a
//! small label), each quote's words are tinted and underlined in its
//! speaker's colour and underline style and open with the speaker's letter,
//! speakers are bold and cues italic. A quote's words are focusable; its
//! details (kind, rule, confidence, speaker and canonical name) show on
//! hover, focus and tap. Beside the article (below it on narrow screens),
//! the list of who said what links to every quote.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

use super::markup::{self, Mark};
use super::{escape, BASE_CSS, BLUE, BLUISH_GREEN, GREY, ORANGE, PALETTE, REDDISH_PURPLE, TIP_SCRIPT, VERMILLION};
use crate::{Document, Label, OffsetUnit, Quote, QuoteKind, Span};

/// Underline styles, cycled with the colours (7 × 4 distinct pairs), so a
/// speaker never differs from the next by colour alone.
const UNDERLINES: [&str; 4] = ["solid", "double", "dashed", "wavy"];
/// Characters of a quote shown in the list of who said what.
const PREVIEW_CHARS: usize = 140;

/// Entity labels with their colour and border style, in legend order.
const LABELS: [(Label, &str, &str); 5] = [
    (Label::Person, BLUE, "solid"),
    (Label::Org, VERMILLION, "dashed"),
    (Label::Gpe, BLUISH_GREEN, "dotted"),
    (Label::Loc, REDDISH_PURPLE, "double"),
    (Label::Norp, ORANGE, "solid"),
];

/// Everybody a document quotes, in order of their first quote, then the
/// quotes without a speaker and the scare quotes.
struct Speakers {
    groups: Vec<Group>,
    /// The group of each quote.
    of_quote: Vec<usize>,
}

/// The quotes of one speaker, or of nobody.
struct Group {
    /// The name shown: the canonical name, or the phrase as first written.
    name: String,
    /// What kind of group and speaker it is.
    who: Who,
    quotes: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Who {
    /// A speaker resolved to a referent, with its label where known.
    Referent(Option<Label>),
    /// A speaker phrase resolved to no referent (`he`, `analysts`).
    Phrase,
    /// Quotes nobody is named as saying.
    Nobody,
    /// Scare quotes.
    Scare,
}

impl Speakers {
    fn of(doc: &Document<'_>) -> Speakers {
        let mut groups: Vec<Group> = Vec::new();
        let mut by_key: HashMap<(Who, String), usize> = HashMap::new();
        let mut of_quote = Vec::with_capacity(doc.quotes.len());
        let mut labels: HashMap<&str, Label> = HashMap::with_capacity(doc.referents.len());
        for r in &doc.referents {
            labels.entry(&r.canonical).or_insert(r.label);
        }
        for (i, q) in doc.quotes.iter().enumerate() {
            let (who, key, name) = match (&q.speaker, q.kind) {
                (_, QuoteKind::Scare) => (Who::Scare, String::new(), "Scare quotes".to_owned()),
                (None, _) => (Who::Nobody, String::new(), "No speaker named".to_owned()),
                (Some(s), _) => match &s.canonical {
                    Some(c) => (Who::Referent(labels.get(&**c).copied()), c.to_string(), c.to_string()),
                    None => (Who::Phrase, s.text.to_lowercase(), s.text.to_string()),
                },
            };
            let next = groups.len();
            let g = *by_key.entry((who, key)).or_insert(next);
            if g == next {
                groups.push(Group { name, who, quotes: Vec::new() });
            }
            groups[g].quotes.push(i);
            of_quote.push(g);
        }
        // Speakers first, in order of their first quote; then nobody, then scare quotes.
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| match groups[g].who {
            Who::Nobody => 1,
            Who::Scare => 2,
            _ => 0,
        });
        let mut position = vec![0; groups.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        let mut sorted: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
        let groups = order.iter().filter_map(|&g| sorted[g].take()).collect();
        Speakers { groups, of_quote: of_quote.into_iter().map(|g| position[g]).collect() }
    }

    /// The CSS class of a group's colour and underline: `s0`, `s1`, …, or `sx` for nobody.
    fn class(&self, g: usize) -> String {
        match self.groups[g].who {
            Who::Nobody | Who::Scare => "sx".to_owned(),
            _ => format!("s{}", g % (PALETTE.len() * UNDERLINES.len())),
        }
    }

    /// The key shown at each quote and in the list: `A`, `B`, …, `Z`, `AA`, …; `?` for nobody, `~` for scare quotes.
    fn letter(&self, g: usize) -> String {
        match self.groups[g].who {
            Who::Nobody => "?".to_owned(),
            Who::Scare => "~".to_owned(),
            _ => {
                let (mut n, mut letters) = (g + 1, Vec::new());
                while n > 0 {
                    letters.push(b'A' + ((n - 1) % 26) as u8);
                    n = (n - 1) / 26;
                }
                letters.iter().rev().map(|&b| b as char).collect()
            }
        }
    }

    /// The group's name as shown in the list: `Ann Lee`, `“he”`.
    fn name(&self, g: usize) -> String {
        let group = &self.groups[g];
        match group.who {
            Who::Phrase => format!("“{}”", group.name),
            _ => group.name.clone(),
        }
    }

    /// What the group's speaker is: its label, or that the phrase names nobody saywho knows.
    fn what(&self, g: usize) -> &'static str {
        match self.groups[g].who {
            Who::Referent(Some(label)) => label.as_str(),
            Who::Phrase => "not resolved to a name",
            Who::Referent(None) | Who::Nobody | Who::Scare => "",
        }
    }
}

/// The details of quote `i`, one fact a line.
fn quote_details(i: usize, q: &Quote<'_>) -> String {
    let mut tip = format!("Quote {} · {} · rule {} · confidence {:.2}", i + 1, q.kind.as_str(), q.rule, q.confidence);
    match &q.speaker {
        Some(s) => match &s.canonical {
            Some(c) if *c != s.text => {
                let _ = write!(tip, "\nSpeaker: “{}” → {c}", s.text);
            }
            Some(c) => {
                let _ = write!(tip, "\nSpeaker: {c}");
            }
            None => {
                let _ = write!(tip, "\nSpeaker: “{}” (not resolved to a name)", s.text);
            }
        },
        None if q.kind == QuoteKind::Scare => tip.push_str("\nNobody is reported as saying it"),
        None => tip.push_str("\nNo speaker named"),
    }
    if let Some(cue) = &q.cue {
        let _ = write!(tip, "\nCue: “{}”", cue.text);
    }
    if let Some(a) = &q.addressee {
        let _ = write!(tip, "\nTo: {}", a.canonical.as_deref().unwrap_or(&a.text));
    }
    tip
}

/// The marks of a document: entities, quotes' words, speakers and cues.
fn marks(doc: &Document<'_>, speakers: &Speakers) -> Vec<Mark> {
    let mut marks = Vec::with_capacity(doc.entities.len() + 3 * doc.quotes.len());
    for (i, e) in doc.entities.iter().enumerate() {
        let mut tip = format!("{} · {}", e.label, e.canonical);
        if let Some(id) = &e.id {
            let _ = write!(tip, " · {id}");
        }
        let attrs = format!(
            r#" class="ent {}" data-e="{i}" data-label="{}" data-tip="{}""#,
            e.label.as_str().to_lowercase(),
            e.label,
            escape(&tip)
        );
        marks.push(mark(e.span, 3, format!(r#" id="e{i}""#), attrs));
    }
    // A speaker or cue shared by several quotes (`“A,” she said. “B.”` then a continuation) is marked once.
    let mut roles: Vec<(Span, u8, usize, Vec<usize>)> = Vec::new();
    let mut role_at: HashMap<(Span, u8), usize> = HashMap::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let g = speakers.of_quote[i];
        let class = speakers.class(g);
        let attrs = format!(
            r#" class="qw {class}" data-q="{i}" data-who="{}" data-tip="{}""#,
            escape(&speakers.letter(g)),
            escape(&quote_details(i, q))
        );
        for (j, words) in q.words().enumerate() {
            let first = if j == 0 { format!(r#" id="q{i}" tabindex="0" data-first="""#) } else { String::new() };
            marks.push(mark(words.span, 0, first, attrs.clone()));
        }
        let speaker = q.speaker.as_ref().map(|s| (s.span, 1));
        let cue = q.cue.as_ref().map(|c| (c.span, 2));
        for (span, rank) in speaker.into_iter().chain(cue) {
            let next = roles.len();
            let r = *role_at.entry((span, rank)).or_insert(next);
            if r == next {
                roles.push((span, rank, g, Vec::new()));
            }
            roles[r].3.push(i);
        }
    }
    for (span, rank, g, quotes) in roles {
        let numbers: Vec<String> = quotes.iter().map(|i| (i + 1).to_string()).collect();
        let (class, tip) = if rank == 1 {
            let what = speakers.what(g);
            let what = if what.is_empty() { String::new() } else { format!(" ({what})") };
            ("spk", format!("Speaker of quote {}: {}{what}", numbers.join(", "), speakers.name(g)))
        } else {
            ("cue", format!("Cue of quote {}", numbers.join(", ")))
        };
        let attrs = format!(r#" class="{class} {}" data-tip="{}""#, speakers.class(g), escape(&tip));
        marks.push(mark(span, rank, String::new(), attrs));
    }
    marks
}

fn mark(span: Span, rank: u8, first: String, attrs: String) -> Mark {
    Mark { start: span.start(), end: span.end(), rank, attrs, first }
}

/// The start of `text`, at most `max` characters, with `…` when cut.
fn preview(text: &str, max: usize) -> Cow<'_, str> {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((cut, _)) => Cow::Owned(format!("{}…", text[..cut].trim_end())),
        None => Cow::Borrowed(text),
    }
}

/// The page of one article: `doc` as extracted from `text` (in either
/// offset unit), with `title`. Self-contained: inline style and script,
/// nothing loaded from anywhere; everything from the input is escaped.
pub fn article_page(doc: &Document<'_>, text: &str, title: &str) -> String {
    let doc: Cow<'_, Document<'_>> = if doc.offsets == OffsetUnit::Bytes {
        Cow::Borrowed(doc)
    } else {
        let mut bytes = doc.clone();
        bytes.convert_offsets(text, OffsetUnit::Bytes);
        Cow::Owned(bytes)
    };
    let speakers = Speakers::of(&doc);
    let mut out = String::with_capacity(text.len() * 3 + (16 << 10));
    super::head(&mut out, title, &[BASE_CSS, &page_css(&speakers)]);
    let named = speakers.groups.iter().filter(|g| matches!(g.who, Who::Referent(_) | Who::Phrase)).count();
    let _ = write!(
        out,
        r#"<header><h1>{}</h1><p class="summary">{} entities, {} quotes, {named} speakers. Made by saywho {}.</p>{}</header>
<div class="layout"><main><div class="article" id="article">"#,
        escape(title),
        doc.entities.len(),
        doc.quotes.len(),
        env!("CARGO_PKG_VERSION"),
        legend(),
    );
    markup::render(&mut out, text, &marks(&doc, &speakers));
    out.push_str("</div></main>\n<aside class=\"who\" aria-labelledby=\"who\"><h2 id=\"who\">Who said what</h2>");
    if doc.quotes.is_empty() {
        out.push_str(r#"<p class="note">saywho found no quotes in this article.</p>"#);
    }
    out.push_str(r#"<ol class="speakers">"#);
    for (g, group) in speakers.groups.iter().enumerate() {
        let n = group.quotes.len();
        let _ = write!(
            out,
            r#"<li class="{}"><span class="key" aria-hidden="true">{}</span> <b>{}</b> <small>{}{n} quote{}</small><ol class="quotes">"#,
            speakers.class(g),
            escape(&speakers.letter(g)),
            escape(&speakers.name(g)),
            match speakers.what(g) {
                "" => String::new(),
                what => format!("{what} · "),
            },
            if n == 1 { "" } else { "s" },
        );
        for &i in &group.quotes {
            let q = &doc.quotes[i];
            let words: Vec<&str> = q.words().map(|w| &*w.text).collect();
            let _ = write!(
                out,
                r##"<li><a href="#q{i}" data-to="{i}">{}</a> <small>{} · {} · {:.2}</small></li>"##,
                escape(&preview(&words.join(" … "), PREVIEW_CHARS)),
                q.kind.as_str(),
                escape(&q.rule),
                q.confidence,
            );
        }
        out.push_str("</ol></li>");
    }
    out.push_str("</ol></aside></div>\n");
    super::foot(&mut out, TIP_SCRIPT);
    out
}

/// The legend of marks, above the article.
fn legend() -> String {
    let mut out = String::from(r#"<ul class="legend" aria-label="Legend">"#);
    for (label, _, _) in LABELS {
        let _ = write!(
            out,
            r#"<li><span class="ent {}" data-label="{label}">name</span></li>"#,
            label.as_str().to_lowercase()
        );
    }
    out.push_str(
        r#"<li><span class="qw s0" data-first="" data-who="A">quote</span> by speaker A</li><li><span class="spk s0">speaker</span></li><li><span class="cue s0">cue</span></li><li class="note">Focus, hover or tap a quote for its details.</li></ul>"#,
    );
    out
}

/// The page's own style: the marks, and one class per speaker colour used.
fn page_css(speakers: &Speakers) -> String {
    let mut css = String::from(PAGE_CSS);
    for (label, colour, style) in LABELS {
        let _ = write!(css, ".ent.{}{{--ec:{colour};border-style:{style}}}", label.as_str().to_lowercase());
    }
    let used = speakers.groups.len().min(PALETTE.len() * UNDERLINES.len());
    for g in 0..used.max(1) {
        let (colour, on) = PALETTE[g % PALETTE.len()];
        let underline = UNDERLINES[g % UNDERLINES.len()];
        let _ = write!(css, ".s{g}{{--c:{colour};--t:{colour}2e;--f:{on};--u:{underline}}}");
    }
    let _ = writeln!(css, ".sx{{--c:{GREY};--t:{GREY}1f;--f:#fff;--u:dotted}}");
    css
}

const PAGE_CSS: &str = r#"
header{max-width:1160px;margin:0 auto;padding:0 16px}
.layout{max-width:1160px;margin:0 auto;padding:0 16px 40px;display:grid;grid-template-columns:minmax(0,1fr) minmax(15em,21em);gap:8px 32px;align-items:start}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.06em;line-height:1.95;max-width:46em}
aside.who{position:sticky;top:0;max-height:100vh;overflow:auto;padding-bottom:16px}
aside.who h2{margin-top:.6em}
@media (max-width:860px){.layout{grid-template-columns:minmax(0,1fr)}aside.who{position:static;max-height:none}}
.legend{list-style:none;padding:0;margin:.4em 0 .8em;display:flex;flex-wrap:wrap;gap:.2em 1.1em;font-size:.9em;line-height:1.9}
.ent{border:2px solid var(--ec);border-radius:3px;padding:0 1px}
.ent.loc{border-width:3px}
.ent:not([data-cont])::after{content:attr(data-label);font-size:.6em;font-weight:700;color:var(--muted);margin-left:2px;vertical-align:.4em;line-height:1}
.qw{background:var(--t);text-decoration:underline var(--u) var(--c);text-decoration-thickness:2px;text-underline-offset:.3em;text-decoration-skip-ink:none;cursor:pointer}
.qw[data-first]::before{content:attr(data-who);display:inline-block;font:700 .66em/1.35 system-ui,sans-serif;color:var(--f);background:var(--c);border-radius:3px;padding:0 3px;margin-right:3px;vertical-align:.3em}
.spk{font-weight:700;border-bottom:3px solid var(--c)}
.cue{font-style:italic;border-bottom:2px dotted var(--c)}
.qw:focus,.qw:target{outline:2px solid var(--accent);outline-offset:1px}
[data-tip]{cursor:pointer}
ol.speakers{list-style:none;padding:0;margin:0}
ol.speakers>li{margin:.2em 0 .8em}
.key{display:inline-block;min-width:1.5em;text-align:center;font-weight:700;font-size:.85em;color:var(--f);background:var(--c);border-radius:3px;padding:0 3px}
ol.quotes{margin:.3em 0 0;padding-left:1.6em;border-left:3px var(--u) var(--c)}
ol.quotes li{margin:.25em 0;overflow-wrap:anywhere}
ol.quotes small,li small{color:var(--muted)}
"#;

/// One document of an index: its page and what saywho found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The page's file name (or URL), relative to the index.
    pub href: String,
    /// The title shown and linked.
    pub title: String,
    /// The document's `id`, if it had one (shown when it is not the title).
    pub id: Option<String>,
    /// Entity mentions ([`Document::entities`]).
    pub entities: usize,
    /// Quotes ([`Document::quotes`]).
    pub quotes: usize,
    /// Referents quoted at least once.
    pub speakers: usize,
}

impl IndexEntry {
    /// The entry of `doc`, shown as `title` and linking to `href`.
    pub fn new(href: String, title: String, id: Option<String>, doc: &Document<'_>) -> IndexEntry {
        IndexEntry {
            href,
            title,
            id,
            entities: doc.entities.len(),
            quotes: doc.quotes.len(),
            speakers: doc.referents.iter().filter(|r| r.quotes > 0).count(),
        }
    }
}

/// The index of a folder of pages, titled `title`; `failed` documents
/// could not be shown (the index says so).
pub fn index_page(title: &str, entries: &[IndexEntry], failed: usize) -> String {
    let mut out = String::with_capacity(256 * entries.len() + (8 << 10));
    super::head(&mut out, title, &[BASE_CSS, INDEX_CSS]);
    let quotes: usize = entries.iter().map(|e| e.quotes).sum();
    let _ = write!(
        out,
        r#"<header><h1>{}</h1><p class="summary">{} documents, {quotes} quotes{}. Made by saywho {}.</p></header>
<main><div class="scroll"><table><thead><tr><th>#</th><th>Document</th><th>Entities</th><th>Quotes</th><th>Speakers</th></tr></thead><tbody>"#,
        escape(title),
        entries.len(),
        if failed > 0 {
            format!("; {failed} documents could not be read (saywho named them on its error output)")
        } else {
            String::new()
        },
        env!("CARGO_PKG_VERSION"),
    );
    for (n, e) in entries.iter().enumerate() {
        let id =
            e.id.as_deref()
                .filter(|id| *id != e.title)
                .map_or(String::new(), |id| format!(" <small>{}</small>", escape(id)));
        let _ = write!(
            out,
            r#"<tr><td class="n">{}</td><td><a href="{}">{}</a>{id}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            n + 1,
            escape(&e.href),
            escape(&e.title),
            e.entities,
            e.quotes,
            e.speakers,
        );
    }
    out.push_str("</tbody></table></div></main>\n");
    super::foot(&mut out, TIP_SCRIPT);
    out
}

const INDEX_CSS: &str = r#"
header,main{max-width:1160px;margin:0 auto;padding:0 16px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td:nth-child(2){overflow-wrap:anywhere}
td.n{text-align:right;font-variant-numeric:tabular-nums}
small{color:var(--muted);margin-left:.3em}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    const TEXT: &str =
        "“We will rebuild the bridge by spring,” said Jonas Øberg, the mayor of Tromsø. “The money is there.”\n\
        He added that the council & its partners <b>agreed</b> on the cost.\n\
        Critics in Oslo called the plan “a fantasy.” Greta Lind said that Jonas Øberg was wrong about Norway.\n";

    /// An element of the page: its opening tag and the elements it is inside.
    struct Element {
        tag: String,
        inside: Vec<String>,
    }

    /// The elements of `html` in order, checking that every one is closed in order.
    fn elements(html: &str) -> Vec<Element> {
        let (mut all, mut open): (Vec<Element>, Vec<String>) = (Vec::new(), Vec::new());
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            let end = at + rest[at..].find('>').expect("tags close");
            let tag = &rest[at..=end];
            rest = &rest[end + 1..];
            let name: String =
                tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!').collect();
            match name.strip_prefix('/') {
                Some(closed) => {
                    let opened = open.pop().expect("a closing tag closes an open element");
                    assert!(opened.starts_with(&format!("<{closed}")), "{tag} closes {opened}");
                }
                None if matches!(name.as_str(), "!DOCTYPE" | "meta" | "br") => {}
                None => {
                    all.push(Element { tag: tag.to_owned(), inside: open.clone() });
                    open.push(tag.to_owned());
                }
            }
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
        all
    }

    /// The page's article as text: its tags removed, its escapes undone.
    fn article_text(html: &str) -> String {
        let start = html.find(r#"<div class="article" id="article">"#).unwrap();
        let end = start + html[start..].find("</div></main>").unwrap();
        let mut text = String::new();
        let mut in_tag = false;
        for c in html[start..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The elements of the article with `attribute` in their tag.
    fn count(elements: &[Element], attribute: &str) -> usize {
        let in_article = |e: &&Element| e.inside.iter().any(|t| t.contains(r#"id="article""#));
        elements.iter().filter(in_article).filter(|e| e.tag.contains(attribute)).count()
    }

    #[test]
    fn every_entity_and_quote_is_marked_once_and_listed() {
        let doc = Extractor::new().extract(TEXT);
        assert_eq!((doc.entities.len(), doc.quotes.len()), (5, 4), "the sentences above, as saywho reads them");
        let html = article_page(&doc, TEXT, "Bridge");
        let elements = elements(&html);
        for i in 0..doc.entities.len() {
            assert_eq!(count(&elements, &format!(r#" id="e{i}" "#)), 1, "entity {i}");
        }
        for i in 0..doc.quotes.len() {
            assert_eq!(count(&elements, &format!(r#" id="q{i}" "#)), 1, "quote {i}");
            assert_eq!(html.matches(&format!(r##"href="#q{i}""##)).count(), 1, "quote {i} in the list");
        }
        assert_eq!(count(&elements, r#" id="e"#), doc.entities.len());
        assert_eq!(count(&elements, r#" id="q"#), doc.quotes.len());
        // Quote marks are focusable: one tab stop per quote.
        assert_eq!(count(&elements, r#"tabindex="0""#), doc.quotes.len());
        // The interrupted first quote is marked in its two parts, not over its attribution.
        assert_eq!(count(&elements, r#"data-q="0""#), 2);
        // Every speaker and cue is marked.
        let speakers = doc.quotes.iter().filter(|q| q.speaker.is_some()).count();
        assert_eq!(count(&elements, r#"class="spk "#), speakers);
        assert_eq!(count(&elements, r#"class="cue "#), doc.quotes.iter().filter(|q| q.cue.is_some()).count());
        // The article reads as the input did.
        assert_eq!(article_text(&html), TEXT);
    }

    #[test]
    fn entities_nest_inside_quotes_and_speakers() {
        let doc = Extractor::new().extract(TEXT);
        let html = article_page(&doc, TEXT, "Bridge");
        let elements = elements(&html);
        let inside = |id: &str| &elements.iter().find(|e| e.tag.contains(&format!(r#" id="{id}" "#))).unwrap().inside;
        // `Greta Lind said that Jonas Øberg was wrong about Norway`: both entities in the last quote's words.
        assert_eq!(doc.entities[3].text, "Jonas Øberg");
        assert!(inside("e3").iter().any(|t| t.contains(r#"id="q3""#)), "{:?}", inside("e3"));
        assert!(inside("e4").iter().any(|t| t.contains(r#"id="q3""#)));
        // `Critics in Oslo`: the place inside its speaker phrase.
        assert!(inside("e1").iter().any(|t| t.contains(r#"class="spk "#)));
        // `Greta Lind`, a speaker and an entity of the same span: the speaker outside.
        assert!(inside("e2").iter().any(|t| t.contains(r#"class="spk "#)));
        // Outside any quote: the first name is only inside its speaker mark and the article.
        assert!(!inside("e0").iter().any(|t| t.contains("data-q=")));
    }

    #[test]
    fn everything_from_the_input_is_escaped() {
        let text = "“<script>alert('x')</script> & more,” said Ilse <i>Brandt</i>.";
        let doc = Extractor::new().extract(text);
        let html = article_page(&doc, text, "A <title> & \"more\"");
        assert_eq!(html.matches("<script>").count(), 1, "only saywho's own script");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
        assert!(!html.contains("<i>"));
        assert!(html.contains("<title>A &lt;title&gt; &amp; &quot;more&quot;</title>"));
        assert_eq!(article_text(&html), text);
        elements(&html);
        for remote in ["http://", "https://", " src=", "@import", "url("] {
            assert!(!html.contains(remote), "{remote}");
        }
    }

    #[test]
    fn a_document_in_character_offsets_renders_as_in_bytes() {
        let doc = Extractor::new().extract(TEXT);
        let mut chars = doc.clone();
        chars.convert_offsets(TEXT, OffsetUnit::Chars);
        assert_ne!(chars.entities[0].span, doc.entities[0].span, "Øberg is after a curly quote");
        assert_eq!(article_page(&chars, TEXT, "Bridge"), article_page(&doc, TEXT, "Bridge"));
    }

    #[test]
    fn speakers_get_letters_and_colours_in_order_and_nobody_is_grey() {
        let text = "“Rain is coming,” said Ana Ruiz. “Bring coats,” said Ben Ode.\n\
                    “It will pass,” Ana Ruiz said.\n\
                    Everyone loved the “surprise” party.\n";
        let doc = Extractor::new().extract(text);
        let speakers = Speakers::of(&doc);
        let names: Vec<String> = (0..speakers.groups.len()).map(|g| speakers.name(g)).collect();
        assert_eq!(names, ["Ana Ruiz", "Ben Ode", "Scare quotes"]);
        assert_eq!(speakers.of_quote, [0, 1, 0, 2]);
        assert_eq!(
            (0..3).map(|g| (speakers.letter(g), speakers.class(g))).collect::<Vec<_>>(),
            [("A".into(), "s0".into()), ("B".into(), "s1".into()), ("~".into(), "sx".into())]
        );
    }

    #[test]
    fn letters_run_past_z() {
        let doc = Extractor::new().extract("");
        let mut speakers = Speakers::of(&doc);
        for n in 0..28 {
            speakers.groups.push(Group { name: n.to_string(), who: Who::Referent(None), quotes: Vec::new() });
        }
        assert_eq!([0, 25, 26, 27].map(|g| speakers.letter(g)), ["A", "Z", "AA", "AB"]);
        // Colour and underline pairs repeat only after 28 speakers.
        assert_eq!(speakers.class(27), "s27");
        assert_eq!(page_css(&speakers).matches("--u:").count(), 28 + 1);
    }

    #[test]
    fn an_empty_article_is_a_page_that_says_so() {
        let doc = Extractor::new().extract("");
        let html = article_page(&doc, "", "Nothing");
        assert!(html.contains("no quotes"));
        assert_eq!(article_text(&html), "");
        elements(&html);
    }

    #[test]
    fn an_index_entry_counts_what_the_document_holds() {
        let doc = Extractor::new().extract(TEXT);
        let entry = IndexEntry::new("p.html".into(), "Bridge".into(), None, &doc);
        assert_eq!((entry.entities, entry.quotes), (doc.entities.len(), doc.quotes.len()));
        // Jonas Øberg and Greta Lind are quoted; Tromsø, Oslo and Norway are not.
        assert_eq!(entry.speakers, 2);
        let empty = IndexEntry::new("e.html".into(), "Empty".into(), None, &Extractor::new().extract("No one spoke."));
        assert_eq!((empty.entities, empty.quotes, empty.speakers), (0, 0, 0));
    }

    #[test]
    fn the_index_links_every_page_and_escapes_titles() {
        let entry = |n: usize, title: &str| IndexEntry {
            href: format!("{n:04}-doc.html"),
            title: title.into(),
            id: Some(format!("id/{n}")),
            entities: n,
            quotes: 2 * n,
            speakers: 1,
        };
        let html = index_page("Pages", &[entry(1, "One <b>"), entry(2, "Two")], 1);
        elements(&html);
        assert_eq!(html.matches(r#"<a href="000"#).count(), 2);
        assert!(html.contains("One &lt;b&gt;") && html.contains("id/2"));
        assert!(html.contains("2 documents, 6 quotes; 1 documents could not be read"));
    }
}
