//! The source audit as one self-contained HTML page: inline CSS, charts as
//! inline SVG, a small inline script for sorting and details; no network.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{escape, BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW};
use crate::sources::{Source, SourceKind, SourceTable, NO_GROUP};

/// What the [`report`] shows besides the table's contents.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The page title.
    pub title: String,
    /// The field documents were grouped by (`section`, `date:month`), for labels.
    pub group_field: Option<String>,
    /// How many sources the table shows (the most quoted).
    pub top: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions { title: "Who gets quoted".into(), group_field: None, top: 200 }
    }
}

/// The most groups drawn as bars (those with the most quotes, in their order).
const MAX_GROUP_BARS: usize = 60;

/// Colours that stay distinct for colour-blind readers (Okabe–Ito), by kind of source.
fn kind_colour(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => BLUE,
        SourceKind::Organisation => ORANGE,
        SourceKind::PlaceOrGroup => BLUISH_GREEN,
        SourceKind::Unnamed => REDDISH_PURPLE,
        SourceKind::UnresolvedPronoun => "#BBBBBB",
        SourceKind::NoSpeaker => "#777777",
    }
}

fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "people",
        SourceKind::Organisation => "organisations",
        SourceKind::PlaceOrGroup => "places and groups",
        SourceKind::Unnamed => "unnamed sources",
        SourceKind::UnresolvedPronoun => "unresolved pronouns",
        SourceKind::NoSpeaker => "no speaker",
    }
}

/// Colours by gender value: `unknown` always grey, other user values in turn.
fn gender_colour(value: &str, other: usize) -> &'static str {
    const OTHERS: [&str; 4] = [BLUISH_GREEN, YELLOW, SKY_BLUE, REDDISH_PURPLE];
    match value {
        "female" => VERMILLION,
        "male" => BLUE,
        "unknown" => "#999999",
        _ => OTHERS[other % OTHERS.len()],
    }
}

/// `1 document`, `2 documents`.
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The grouping as people read it: `section`, `month of date` (for `date:month`).
fn group_label(options: &ReportOptions) -> String {
    match options.group_field.as_deref() {
        None => "group".into(),
        Some(field) => field.strip_suffix(":month").map_or_else(|| field.to_owned(), |f| format!("month of {f}")),
    }
}

fn percent(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * n as f64 / total as f64
    }
}

/// One 100 % stacked bar as inline SVG: each segment focusable, with its details.
fn bar(segments: &[(String, usize, &str)], context: &str) -> String {
    let total: usize = segments.iter().map(|s| s.1).sum();
    let mut svg = format!(
        r#"<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="group" aria-label="{}">"#,
        escape(context)
    );
    let mut x = 0.0;
    for (name, n, colour) in segments.iter().filter(|s| s.1 > 0) {
        let w = percent(*n, total);
        let tip = format!("{context}: {name}, {n} of {total} quotes ({w:.1} %)");
        let _ = write!(
            svg,
            r#"<rect x="{x:.3}" y="0" width="{w:.3}" height="10" fill="{colour}" tabindex="0" data-tip="{t}" aria-label="{t}"><title>{t}</title></rect>"#,
            t = escape(&tip)
        );
        x += w;
    }
    if total == 0 {
        svg.push_str(r##"<rect x="0" y="0" width="100" height="10" fill="#eeeeee"/>"##);
    }
    svg.push_str("</svg>");
    svg
}

fn legend(segments: &[(String, usize, &str)]) -> String {
    let total: usize = segments.iter().map(|s| s.1).sum();
    let mut out = String::from(r#"<ul class="legend">"#);
    for (name, n, colour) in segments {
        let _ = write!(
            out,
            r#"<li><span class="swatch" style="background:{colour}"></span>{} <b>{n}</b> ({:.1} %)</li>"#,
            escape(name),
            percent(*n, total)
        );
    }
    out.push_str("</ul>");
    out
}

fn kind_segments(counts: &BTreeMap<SourceKind, usize>) -> Vec<(String, usize, &'static str)> {
    SourceKind::ALL
        .iter()
        .map(|&k| (kind_name(k).to_owned(), counts.get(&k).copied().unwrap_or(0), kind_colour(k)))
        .collect()
}

fn gender_segments(counts: &BTreeMap<String, usize>) -> Vec<(String, usize, &'static str)> {
    let mut values: Vec<&String> = counts.keys().filter(|v| v.as_str() != "unknown").collect();
    values.sort_by_key(|v| (v.as_str() != "female", v.as_str() != "male", v.as_str()));
    let mut out: Vec<(String, usize, &'static str)> =
        values.iter().enumerate().map(|(i, v)| ((*v).clone(), counts[*v], gender_colour(v, i))).collect();
    out.push(("unknown".into(), counts.get("unknown").copied().unwrap_or(0), gender_colour("unknown", 0)));
    out
}

/// The source report of `table`: summary, charts, the sortable table of
/// the top sources with their quotes in context, and how each figure was
/// computed.
pub fn report(table: &SourceTable, options: &ReportOptions) -> String {
    let gendered = table.by_gender.is_some();
    let mut page = String::with_capacity(64 << 10);
    super::head(&mut page, &options.title, &[CSS]);
    let _ = write!(
        page,
        r#"<header><h1>{title}</h1>
<p class="summary">{docs}, {quotes} from {sources}{scare}. Made by saywho {version}.</p></header>
<main>
"#,
        title = escape(&options.title),
        docs = plural(table.documents, "document"),
        quotes = plural(table.quotes, "quote"),
        sources = plural(table.sources.len(), "source"),
        scare = if table.scare_quotes > 0 {
            format!(" ({} scare quotes left out)", table.scare_quotes)
        } else {
            String::new()
        },
        version = env!("CARGO_PKG_VERSION"),
    );
    // Shares by kind of source.
    let kinds = kind_segments(&table.by_source_kind);
    let _ = write!(
        page,
        r#"<section id="kinds"><h2>Quotes by kind of source</h2><div class="chart">{}</div>{}</section>"#,
        bar(&kinds, "All quotes"),
        legend(&kinds)
    );
    if let Some(by_gender) = &table.by_gender {
        let genders = gender_segments(by_gender);
        let _ = write!(
            page,
            r#"<section id="gender"><h2>Quotes by people, by gender</h2><div class="chart">{}</div>{}</section>"#,
            bar(&genders, "Quotes by people"),
            legend(&genders)
        );
    }
    if !table.groups.is_empty() {
        let field = group_label(options);
        let _ = write!(
            page,
            r#"<section id="groups"><h2>By {}</h2><p class="note">Each bar is one group's quotes, 100 % wide; grey is speech whose speaker is not known.{}</p><div class="groups">"#,
            escape(&field),
            if table.groups.len() > MAX_GROUP_BARS {
                format!(" The {MAX_GROUP_BARS} groups with the most quotes of {} are drawn.", table.groups.len())
            } else {
                String::new()
            }
        );
        let mut by_quotes: Vec<usize> = table.groups.iter().map(|g| g.quotes).collect();
        by_quotes.sort_unstable_by(|a, b| b.cmp(a));
        let least = by_quotes.get(MAX_GROUP_BARS - 1).copied().unwrap_or(0);
        let mut drawn = 0;
        for g in &table.groups {
            if g.quotes < least || drawn == MAX_GROUP_BARS {
                continue;
            }
            drawn += 1;
            let label = format!("{} ({}, {})", g.name, plural(g.documents, "document"), plural(g.quotes, "quote"));
            let _ = write!(
                page,
                r#"<div class="glabel">{}</div><div class="gbar">{}</div>"#,
                escape(&label),
                bar(&kind_segments(&g.by_source_kind), &g.name)
            );
            if let Some(by_gender) = &g.by_gender {
                let _ = write!(
                    page,
                    r#"<div class="glabel sub">people by gender</div><div class="gbar">{}</div>"#,
                    bar(&gender_segments(by_gender), &format!("{}, people by gender", g.name))
                );
            }
        }
        page.push_str("</div>");
        page.push_str(&legend(&kinds));
        if let Some(by_gender) = &table.by_gender {
            page.push_str(&legend(&gender_segments(by_gender)));
        }
        page.push_str("</section>\n");
    }
    // The table.
    let shown = table.sources.len().min(options.top);
    let _ = write!(
        page,
        r#"<section id="top"><h2>Top sources</h2><p class="note">The {shown} most quoted of {} sources. Sort by a column with its heading; open a source's quotes with its name.</p>
<div class="scroll"><table id="sources"><thead><tr>"#,
        table.sources.len()
    );
    let mut columns: Vec<(&str, &str)> = vec![
        ("Source", "text"),
        ("Kind", "text"),
        ("Quotes", "num"),
        ("Documents", "num"),
        ("Direct", "num"),
        ("Mixed", "num"),
        ("Indirect", "num"),
    ];
    if gendered {
        columns.extend([("Gender", "text"), ("Evidence", "text")]);
    }
    columns.extend([("First document", "text"), ("Last document", "text")]);
    for (i, (name, kind)) in columns.iter().enumerate() {
        let sort = if i == 2 { "descending" } else { "none" };
        let _ = write!(
            page,
            r#"<th aria-sort="{sort}"><button type="button" data-col="{i}" data-type="{kind}">{name}</button></th>"#
        );
    }
    page.push_str("</tr></thead>\n");
    for (i, s) in table.sources.iter().take(shown).enumerate() {
        row(&mut page, i, s, columns.len(), gendered);
    }
    page.push_str("</table></div></section>\n");
    notes(&mut page, table, options);
    page.push_str("</main>");
    super::foot(&mut page, SCRIPT);
    page
}

fn row(page: &mut String, i: usize, s: &Source, columns: usize, gendered: bool) {
    let label = s.label.map_or(String::new(), |l| format!(" {}", l.as_str()));
    let cell = |v: &str, shown: &str| format!(r#"<td data-v="{}">{}</td>"#, escape(v), shown);
    let num = |n: usize| format!(r#"<td class="n" data-v="{n}">{n}</td>"#);
    let _ = write!(
        page,
        r#"<tbody class="src"><tr><td data-v="{name}"><button type="button" class="open" aria-expanded="false" aria-controls="q{i}"><span aria-hidden="true">▸</span> {name}</button></td>{kind}{}{}{}{}{}"#,
        num(s.counts.quotes),
        num(s.counts.documents),
        num(s.counts.direct),
        num(s.counts.mixed),
        num(s.counts.indirect),
        name = escape(&s.name),
        kind = cell(s.kind.as_str(), &format!("{}<small>{}</small>", escape(s.kind.as_str()), escape(&label))),
    );
    if gendered {
        let (value, evidence) = s.gender.as_ref().map_or(("", ""), |g| (g.value.as_str(), g.evidence.as_str()));
        page.push_str(&cell(value, &escape(value)));
        page.push_str(&cell(evidence, &escape(evidence)));
    }
    page.push_str(&cell(&s.first_document, &escape(&s.first_document)));
    page.push_str(&cell(&s.last_document, &escape(&s.last_document)));
    let _ = write!(
        page,
        r#"</tr><tr class="quotes" id="q{i}" hidden><td colspan="{columns}"><p>{} of {} quotes:</p><ol>"#,
        s.trail.len(),
        s.counts.quotes
    );
    for q in &s.trail {
        let kind = q.kind.as_str();
        let speaker = q.speaker.as_deref().map_or(String::new(), |sp| format!(", speaker “{}”", escape(sp)));
        let _ = write!(
            page,
            r#"<li><span class="ctx">{}<mark>{}</mark>{}</span> <span class="where">{} · {kind} · bytes {}–{}{speaker}</span></li>"#,
            escape(&q.before),
            escape(&q.text),
            escape(&q.after),
            escape(&q.document),
            q.span.start(),
            q.span.end(),
        );
    }
    page.push_str("</ol></td></tr></tbody>\n");
}

fn notes(page: &mut String, table: &SourceTable, options: &ReportOptions) {
    page.push_str(r#"<section id="notes"><h2>How each figure was computed</h2><dl>"#);
    let mut note = |term: &str, text: &str| {
        let _ = write!(page, "<dt>{term}</dt><dd>{text}</dd>");
    };
    note(
        "Quotes",
        "Every piece of direct, mixed and indirect speech saywho found, attributed by its rules. Scare quotes (quote marks around a term nobody is reported as saying) are left out.",
    );
    note(
        "Sources",
        "A named source is a referent of a document (a person, organisation, place or group) merged across documents by exact canonical name and label. Unnamed sources (<q>analysts</q>, <q>officials</q>) are counted by their text, lower-cased, and never merged into a person. Unresolved pronouns and quotes with no speaker have a row each.",
    );
    note(
        "Quotes by kind of source",
        "Each quote counted once, under the kind of its source; the shares are of all quotes.",
    );
    if table.by_gender.is_some() {
        note(
            "Gender",
            "Asked for with <code>--gender</code>, for people only, in this order: the user's list (<code>--gender-list</code>); else the text, that is gendered honorifics written before the name in documents quoting the person (Mr, Mrs, Ms, Sir, Dame, Lord, Lady and the like) and pronouns (<q>she</q>) saywho linked to the person without a given-name guess; conflicting text evidence gives <q>unknown</q>; else, only where allowed, the given-name list, the weakest evidence and labelled so; else <q>unknown</q>. Each person's evidence is named in the table. The shares are of quotes by people.",
        );
    }
    if !table.groups.is_empty() {
        let field = escape(&group_label(options));
        note(
            &format!("By {field}"),
            &format!("Documents are grouped by their {field} (the month of an ISO-8601 date with <code>--by FIELD:month</code>); documents without one form the <q>{NO_GROUP}</q> group. Each bar is 100 % of the group's quotes."),
        );
    }
    note(
        "Top sources",
        "Sources by number of quotes, then documents. Documents count each document quoting the source once; first and last are in input order. Each source shows at most 20 of its quotes with the text around them where the input had it: the first in input order, except for a source that joined the leaders late, whose earliest quotes were not kept (memory stays bounded), and which shows the ones after that.",
    );
    page.push_str("</dl></section>\n");
}

const CSS: &str = r#"
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--line:#d8d8d8;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
header,main{max-width:1160px;margin:0 auto;padding:0 16px}
h1{font-size:1.6em;margin:.8em 0 .2em}
h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.summary,.note{color:var(--muted);margin:.2em 0 .6em}
.chart svg.bar,.gbar svg.bar{display:block;width:100%;height:26px;border:1px solid var(--line)}
.gbar svg.bar{height:18px}
svg rect[tabindex]:focus{outline:none;stroke:#000;stroke-width:.6}
.legend{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-.1em;border:1px solid #0003}
.groups{display:grid;grid-template-columns:minmax(8em,16em) 1fr;gap:4px 10px;align-items:center}
.glabel{font-size:.9em;overflow-wrap:anywhere}.glabel.sub{color:var(--muted);padding-left:1em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:var(--accent);text-align:left}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
button.open{font:inherit;background:none;border:0;padding:0;cursor:pointer;color:var(--accent);text-align:left}
button.open[aria-expanded=true] span{display:inline-block;transform:rotate(90deg)}
button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
small{color:var(--muted);margin-left:.3em}
tr.quotes td{background:#f6f8fa}
tr.quotes ol{margin:.3em 0;padding-left:1.6em}
tr.quotes li{margin:.35em 0}
mark{background:#ffe9a8}
.where{display:block;color:var(--muted);font-size:.88em}
dt{font-weight:600;margin-top:.6em}dd{margin:0 0 0 1em}
#tip{position:fixed;z-index:9;max-width:min(26em,90vw);background:#111;color:#fff;padding:6px 9px;border-radius:4px;font-size:.88em;pointer-events:none}
@media (max-width:600px){.groups{grid-template-columns:1fr}.glabel.sub{padding-left:0}th,td{padding:3px 4px}}
"#;

const SCRIPT: &str = r#"
(function(){
const table=document.getElementById('sources');
if(table){
  table.querySelectorAll('th button').forEach(function(b){
    b.addEventListener('click',function(){
      const col=+b.dataset.col,num=b.dataset.type==='num',th=b.parentElement;
      const was=th.getAttribute('aria-sort');
      const dir=was==='none'?(num?'descending':'ascending'):(was==='ascending'?'descending':'ascending');
      table.querySelectorAll('th').forEach(function(h){h.setAttribute('aria-sort','none')});
      th.setAttribute('aria-sort',dir);
      const sign=dir==='ascending'?1:-1;
      const bodies=Array.from(table.querySelectorAll('tbody.src'));
      const key=function(tb){const v=tb.rows[0].cells[col].dataset.v;return num?+v:v.toLowerCase()};
      bodies.sort(function(a,b){const x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*sign});
      bodies.forEach(function(tb){table.appendChild(tb)});
    });
  });
  table.addEventListener('click',function(e){
    const b=e.target.closest('button.open');if(!b)return;
    const open=b.getAttribute('aria-expanded')!=='true';
    b.setAttribute('aria-expanded',String(open));
    document.getElementById(b.getAttribute('aria-controls')).hidden=!open;
  });
}
const tip=document.getElementById('tip');
function show(el){
  tip.textContent=el.dataset.tip;tip.hidden=false;
  const r=el.getBoundingClientRect();
  tip.style.left=Math.max(8,Math.min(window.innerWidth-tip.offsetWidth-8,r.left+r.width/2-tip.offsetWidth/2))+'px';
  tip.style.top=(r.bottom+6+tip.offsetHeight>window.innerHeight?r.top-tip.offsetHeight-6:r.bottom+6)+'px';
}
function hide(){tip.hidden=true}
function target(e){return e.target.closest?e.target.closest('[data-tip]'):null}
document.addEventListener('mouseover',function(e){const el=target(e);if(el)show(el)});
document.addEventListener('mouseout',function(e){if(target(e))hide()});
document.addEventListener('focusin',function(e){const el=target(e);if(el)show(el)});
document.addEventListener('focusout',function(e){if(target(e))hide()});
document.addEventListener('click',function(e){const el=target(e);if(el)show(el);else hide()});
document.addEventListener('keydown',function(e){if(e.key==='Escape')hide()});
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Audit, DocumentSources, Trail};
    use crate::Extractor;

    fn page(text: &str) -> String {
        let extractor = Extractor::new();
        let trail = Trail { per_source: Some(20), context: 40, top: None };
        let mut audit = Audit::grouped(trail);
        let doc = extractor.extract(text);
        audit.add("doc <1>", Some("2024-03"), &DocumentSources::new(&doc, Some(text), trail));
        report(&audit.finish(None), &ReportOptions::default())
    }

    #[test]
    fn the_page_is_self_contained_and_escapes_the_input() {
        let html = page("“<script>alert(1)</script> is no quote,” said Ilse Brandt.");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(html.matches("<script>").count(), 1, "only saywho's own script");
        assert!(html.contains("doc &lt;1&gt;"));
        for remote in ["http://", "https://", " src=", "@import", "url("] {
            assert!(!html.contains(remote), "{remote}");
        }
    }

    #[test]
    fn at_most_sixty_groups_are_drawn() {
        let extractor = Extractor::new();
        let mut audit = Audit::grouped(Trail::NONE);
        let text = "Ilse Brandt said the gate was open.";
        let summary = DocumentSources::new(&extractor.extract(text), Some(text), Trail::NONE);
        for i in 0..100 {
            audit.add(&format!("d{i}"), Some(&format!("g{i:03}")), &summary);
        }
        let html = report(&audit.finish(None), &ReportOptions::default());
        assert_eq!(html.matches(r#"<div class="gbar">"#).count(), MAX_GROUP_BARS);
        assert!(html.contains("The 60 groups with the most quotes of 100 are drawn."));
    }

    #[test]
    fn bars_have_one_focusable_segment_per_non_empty_share() {
        let svg = bar(&[("a".into(), 3, "#000"), ("b".into(), 0, "#111"), ("c".into(), 1, "#222")], "All");
        assert_eq!(svg.matches("tabindex=\"0\"").count(), 2);
        assert!(svg.contains("All: a, 3 of 4 quotes (75.0 %)"));
        let empty = bar(&[("a".into(), 0, "#000")], "None");
        assert!(!empty.contains("tabindex"));
    }
}
