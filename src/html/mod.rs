//! Pages a person opens: saywho's results as self-contained HTML (inline
//! style and script, nothing loaded from anywhere, everything from the
//! input escaped).
//!
//! - [`article_page`]: one [`Document`](crate::Document) over its text,
//!   entities and quotes marked, who said what beside it (`saywho show`);
//! - [`index_page`]: the list of a folder of article pages;
//! - [`report`]: a [`SourceTable`](crate::sources::SourceTable) as the
//!   source report (`saywho sources --html`).
//!
//! This module also holds what the pages share: escaping, the
//! colour-blind-safe palette, the page head and the details box. It reads
//! [`crate::document`] and [`crate::sources`]; neither of them reads it.
//!
//! ```
//! use saywho::Extractor;
//! let text = "“The bridge will open in May,” said Ana Ruiz.";
//! let doc = Extractor::new().extract(text);
//! let page = saywho::html::article_page(&doc, text, "Bridge");
//! assert!(page.starts_with("<!DOCTYPE html>") && page.contains("Ana Ruiz"));
//! ```

mod markup;
mod page;
mod report;

use std::fmt::Write;

pub use page::{article_page, index_page, IndexEntry};
pub use report::{report, ReportOptions};

/// The Okabe–Ito colours without black: distinct for the common forms of colour blindness.
const BLUE: &str = "#0072B2";
const ORANGE: &str = "#E69F00";
const BLUISH_GREEN: &str = "#009E73";
const REDDISH_PURPLE: &str = "#CC79A7";
const VERMILLION: &str = "#D55E00";
const SKY_BLUE: &str = "#56B4E9";
const YELLOW: &str = "#F0E442";

/// The Okabe–Ito colours in the order pages assign them to speakers, each
/// with the text colour that reads on it.
const PALETTE: [(&str, &str); 7] = [
    (BLUE, "#fff"),
    (ORANGE, "#000"),
    (BLUISH_GREEN, "#000"),
    (REDDISH_PURPLE, "#000"),
    (VERMILLION, "#000"),
    (SKY_BLUE, "#000"),
    (YELLOW, "#000"),
];

/// The grey of things without a colour of their own (quotes without a speaker).
const GREY: &str = "#767676";

/// Appends `s` escaped for HTML text and attribute values (`&<>"'`).
fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// `s` escaped for HTML text and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Opens a page: doctype, a policy that forbids any network access, the
/// title, and the style made of the pieces of `css` in order.
fn head(out: &mut String, title: &str, css: &[&str]) {
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{}</title>
<style>"#,
        escape(title)
    );
    css.iter().for_each(|piece| out.push_str(piece));
    out.push_str("</style></head><body>\n");
}

/// Closes a page opened by [`head`], with the details box (`#tip`) and the page's `script`.
fn foot(out: &mut String, script: &str) {
    out.push_str(r#"<div id="tip" role="status" aria-live="polite" hidden></div><script>"#);
    out.push_str(script);
    out.push_str("</script></body></html>\n");
}

/// The base style of the article pages and the index: the fonts, colours
/// and details box of the source report.
const BASE_CSS: &str = r#"
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--line:#d8d8d8;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
h1{font-size:1.6em;margin:.8em 0 .2em;overflow-wrap:anywhere}
h2{font-size:1.15em;margin:1.2em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
a{color:var(--accent)}
.summary,.note{color:var(--muted);margin:.2em 0 .6em}
[tabindex]:focus-visible,a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
#tip{position:fixed;z-index:9;max-width:min(26em,calc(100vw - 16px));background:#111;color:#fff;padding:6px 9px;border-radius:4px;font-size:.88em;line-height:1.4;white-space:pre-line;pointer-events:none}
"#;

/// Shows the details (`data-tip`) of the element under the pointer, with
/// focus, or tapped, and of the marked elements around it, innermost first,
/// in `#tip`; a link to an element in the page focuses it.
const TIP_SCRIPT: &str = r##"
(function(){
const tip=document.getElementById('tip');
function details(el){
  const lines=[];
  for(let e=el;e&&e!==document.body;e=e.parentElement){if(e.dataset&&e.dataset.tip)lines.push(e.dataset.tip)}
  return lines.join('\n');
}
let current=null;
function show(el){
  current=el;tip.textContent=details(el);tip.hidden=false;
  const r=el.getBoundingClientRect();
  tip.style.left=Math.max(8,Math.min(window.innerWidth-tip.offsetWidth-8,r.left))+'px';
  tip.style.top=(r.bottom+6+tip.offsetHeight>window.innerHeight?Math.max(8,r.top-tip.offsetHeight-6):r.bottom+6)+'px';
}
function hide(){tip.hidden=true;current=null}
function target(e){return e.target.closest?e.target.closest('[data-tip]'):null}
document.addEventListener('mouseover',function(e){const el=target(e);if(el)show(el)});
document.addEventListener('mouseout',function(e){if(target(e)&&!target(e).contains(document.activeElement))hide()});
document.addEventListener('focusin',function(e){const el=target(e);if(el)show(el)});
document.addEventListener('focusout',function(e){if(target(e))hide()});
document.addEventListener('click',function(e){
  const link=e.target.closest?e.target.closest('a[href^="#"]'):null;
  if(link){const to=document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));if(to&&to.hasAttribute('tabindex')){e.preventDefault();history.replaceState(null,'',link.getAttribute('href'));to.scrollIntoView({block:'center'});to.focus({preventScroll:true});return}}
  const el=target(e);if(el)show(el);else hide();
});
document.addEventListener('keydown',function(e){if(e.key==='Escape')hide()});
window.addEventListener('scroll',function(){if(current)show(current)},{passive:true});
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_the_five_special_characters_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<b class="x">Tom & Jerry's</b>"#),
            "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
        );
        assert_eq!(escape("Zoë said “no” — twice"), "Zoë said “no” — twice");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn a_page_loads_nothing_from_outside() {
        let mut page = String::new();
        head(&mut page, "A <title>", &[BASE_CSS, "p{color:red}"]);
        foot(&mut page, TIP_SCRIPT);
        assert!(page.contains("<title>A &lt;title&gt;</title>"));
        assert!(page.contains("default-src 'none'"));
        for remote in ["http://", "https://", " src=", "@import", "url("] {
            assert!(!page.contains(remote), "{remote}");
        }
    }
}
