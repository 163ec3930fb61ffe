//! `saywho show`: an article as a web page with what saywho found in it.
//!
//! The inputs are read as documents as `extract` reads them
//! ([`crate::input`]: one per text file or JSON line, bounded by
//! `--max-bytes`), extracted and rendered ([`saywho::html::article_page`])
//! on worker threads, and written in input order ([`crate::ordered`]): one
//! document's page to standard output, or with `--out-dir` a page per
//! document in the folder and `index.html` listing them
//! ([`saywho::html::index_page`]). A bad document is reported on standard
//! error with its file, line and id, and the run goes on (exit code 1).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use saywho::html::{self, IndexEntry};
use saywho::Extractor;

use crate::documents::{self, guarded, InputArgs};
use crate::input::{decode, parse_line, DocError};
use crate::Failure;

/// The longest part of a page's file name taken from the document's id or file name.
const SLUG_CHARS: usize = 60;

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Read JSON Lines of {"id": ..., "text": ...}; a "title" or "headline" field titles the page.
    #[arg(long, requires = "out_dir")]
    jsonl_input: bool,
    /// Write one page per document and an index.html into this folder (made if missing);
    /// without it, the page of the one input goes to standard output.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// The page's title (with --out-dir, the index's); default: the file name, or the document's title, headline or id.
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

struct Settings<'e> {
    extractor: &'e Extractor,
    jsonl_input: bool,
    lossy: bool,
    /// The title of every page (`--title` without `--out-dir`).
    title: Option<&'e str>,
}

/// A document's page, rendered.
struct Page {
    html: String,
    /// Its entry in the index, without its `href` yet.
    entry: IndexEntry,
    /// The base of its file name.
    slug: String,
}

pub fn run(args: ShowArgs) -> Result<(), Failure> {
    let extractor = documents::extractor(&args.input.lexicons)?;
    let files = args.input.files();
    let dir = args.out_dir.as_deref();
    match dir {
        None if files.len() > 1 => {
            clap::Error::raw(clap::error::ErrorKind::ArgumentConflict, "several inputs need --out-dir DIR\n").exit()
        }
        None => {}
        Some(dir) => {
            fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {}: {e}", dir.display())))?
        }
    }
    let settings = Settings {
        extractor: &extractor,
        jsonl_input: args.jsonl_input,
        lossy: args.input.lossy,
        title: if dir.is_none() { args.title.as_deref() } else { None },
    };
    let mut entries = Vec::new();
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    // Workers extract and render; pages are written (and numbered) in input order.
    let failed = args.input.run(
        args.jsonl_input,
        |file, line, bytes, _| render(&settings, file, line, bytes),
        &mut out,
        |out, outcome| {
            let Ok(mut page) = outcome.result else { return Ok(()) };
            let Some(dir) = dir else { return Ok(out.write_all(page.html.as_bytes())?) };
            page.entry.href = format!("{:04}-{}.html", entries.len() + 1, page.slug);
            write_file(&dir.join(&page.entry.href), &page.html)?;
            entries.push(page.entry);
            Ok(())
        },
    )?;
    out.flush()?;
    if let Some(dir) = dir {
        let title = args.title.as_deref().unwrap_or("saywho: who said what");
        write_file(&dir.join("index.html"), &html::index_page(title, &entries, failed))?;
        eprintln!("saywho: {} pages and index.html in {}", entries.len(), dir.display());
    }
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

fn write_file(path: &Path, html: &str) -> Result<(), Failure> {
    fs::write(path, html).map_err(|e| Failure::Input(format!("cannot write {}: {e}", path.display())))
}

/// One document's page: a text file titled by its name, or a JSON line's
/// `text` titled by its `title`, `headline`, `id` or place.
fn render(settings: &Settings<'_>, file: &str, line_no: Option<usize>, bytes: &[u8]) -> Result<Page, DocError> {
    let raw = decode(bytes, settings.jsonl_input, settings.lossy)?;
    let page = |text: &str, title: String, id: Option<String>, slug: String| {
        let title = settings.title.map_or(title, str::to_owned);
        guarded(|| {
            let doc = settings.extractor.extract(text);
            let html = html::article_page(&doc, text, &title);
            Page { html, entry: IndexEntry::new(String::new(), title, id, &doc), slug }
        })
    };
    if !settings.jsonl_input {
        let stem = Path::new(file).file_stem().map_or("stdin".into(), |s| s.to_string_lossy());
        let title = if file == "-" { "standard input".to_owned() } else { file.to_owned() };
        return page(&raw, title, None, slug(&stem)).map_err(|message| DocError { id: None, message });
    }
    let line = parse_line(&raw, bytes)?;
    let refuse = |message| DocError::of_line(&line, message);
    let text = line.text(settings.lossy).map_err(refuse)?;
    let id = line.id_text();
    let title = ["title", "headline"]
        .iter()
        .find_map(|k| line.string(k).filter(|t| !t.trim().is_empty()))
        .or_else(|| id.clone())
        .unwrap_or_else(|| format!("{file}:{}", line_no.unwrap_or(0)));
    let slug = slug(id.as_deref().unwrap_or("doc"));
    page(&text, title, id, slug).map_err(refuse)
}

/// A file-name-safe form of `s`: ASCII letters, digits, `_` and `.` kept, runs of anything else as one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_CHARS {
            break;
        }
    }
    let out = out.trim_matches(['-', '.']);
    if out.is_empty() {
        "doc".to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("bbc/business/123"), "bbc-business-123");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Zoë’s piece"), "Zo-s-piece");
        assert_eq!(slug("///"), "doc");
        assert_eq!(slug(&"x".repeat(500)).len(), SLUG_CHARS);
    }
}
