//! `saywho show`: an article as a web page with what saywho found in it.
//!
//! One document's page goes to standard output; with `--out-dir`, every
//! document (each text file, or each line of JSON Lines) gets a page in the
//! folder, and `index.html` lists them. Documents are read, extracted,
//! rendered ([`page`]) and written one at a time, so memory is bounded by
//! the largest document.

mod markup;
pub mod page;

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use saywho::{decode, Extractor};
use serde_json::{Map, Value};

use crate::Failure;
use page::IndexEntry;

/// The longest part of a page's file name taken from the document's id or file name.
const SLUG_CHARS: usize = 60;

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Input files (plain text, or JSON Lines with --jsonl-input); `-` or none reads standard input.
    files: Vec<PathBuf>,
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
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// An extra entity lexicon (TSV: surface, label, canonical[, id]); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// The largest document accepted, in bytes; larger ones are errors.
    #[arg(long, default_value_t = 32 << 20, value_name = "BYTES")]
    max_bytes: usize,
}

/// A document to show.
struct Input {
    /// The `id` of a JSON line, as text.
    id: Option<String>,
    title: String,
    /// The base of its page's file name.
    slug: String,
    text: String,
}

pub fn run(args: ShowArgs) -> Result<(), Failure> {
    let mut builder = Extractor::builder();
    for path in &args.lexicons {
        builder = builder.lexicon_file(path);
    }
    let extractor = builder.build().map_err(|e| Failure::Input(e.to_string()))?;
    let files: Vec<PathBuf> = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let Some(dir) = &args.out_dir else {
        if files.len() > 1 {
            clap::Error::raw(clap::error::ErrorKind::ArgumentConflict, "several inputs need --out-dir DIR\n").exit();
        }
        let input = read_text(&files[0], &args)?.map_err(Failure::Input)?;
        let doc = extractor.extract(&input.text);
        let html = page::page(&doc, &input.text, args.title.as_deref().unwrap_or(&input.title));
        let mut out = io::stdout().lock();
        out.write_all(html.as_bytes())?;
        return Ok(out.flush()?);
    };
    fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {}: {e}", dir.display())))?;
    let mut entries = Vec::new();
    let mut failed = 0;
    let mut show = |input: Result<Input, String>| -> Result<(), Failure> {
        let input = match input {
            Ok(input) => input,
            Err(message) => {
                eprintln!("saywho: {message}");
                failed += 1;
                return Ok(());
            }
        };
        let doc = extractor.extract(&input.text);
        let href = format!("{:04}-{}.html", entries.len() + 1, input.slug);
        write_file(&dir.join(&href), &page::page(&doc, &input.text, &input.title))?;
        entries.push(IndexEntry {
            href,
            title: input.title,
            id: input.id,
            entities: doc.entities.len(),
            quotes: doc.quotes.len(),
            speakers: doc.referents.iter().filter(|r| r.quotes > 0).count(),
        });
        Ok(())
    };
    for file in &files {
        if args.jsonl_input {
            read_lines(file, &args, &mut show)?;
        } else {
            show(read_text(file, &args)?)?;
        }
    }
    let title = args.title.as_deref().unwrap_or("saywho: who said what");
    write_file(&dir.join("index.html"), &page::index(title, &entries, failed))?;
    eprintln!("saywho: {} pages and index.html in {}", entries.len(), dir.display());
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

fn write_file(path: &Path, html: &str) -> Result<(), Failure> {
    fs::write(path, html).map_err(|e| Failure::Input(format!("cannot write {}: {e}", path.display())))
}

fn open(file: &Path) -> Result<BufReader<Box<dyn Read>>, Failure> {
    let reader: Box<dyn Read> = if file == Path::new("-") {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(file).map_err(|e| Failure::Input(format!("cannot read {}: {e}", file.display())))?)
    };
    Ok(BufReader::with_capacity(1 << 16, reader))
}

/// A whole text file as one document; the outer error ends the run, the inner one only the document.
fn read_text(file: &Path, args: &ShowArgs) -> Result<Result<Input, String>, Failure> {
    let name = file.display().to_string();
    let mut bytes = Vec::new();
    open(file)?
        .take(args.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    if bytes.len() > args.max_bytes {
        return Ok(Err(format!("{name}: larger than --max-bytes {}", args.max_bytes)));
    }
    let text = match decode(&bytes, args.lossy) {
        Ok(text) => text.into_owned(),
        Err(e) => return Ok(Err(format!("{name}: {e} (use --lossy to replace invalid bytes)"))),
    };
    let stem = file.file_stem().map_or("stdin".into(), |s| s.to_string_lossy());
    let title = if name == "-" { "standard input".to_owned() } else { name.clone() };
    Ok(Ok(Input { slug: slug(&stem), id: None, title, text }))
}

/// Each non-blank line of a JSON Lines file as a document.
fn read_lines(
    file: &Path,
    args: &ShowArgs,
    each: &mut impl FnMut(Result<Input, String>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = file.display().to_string();
    let mut reader = open(file)?;
    let mut line = 0;
    loop {
        let mut bytes = Vec::new();
        let n = reader.read_until(b'\n', &mut bytes).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        if line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        each(document_of_line(&bytes, &format!("{name}:{line}"), args))?;
    }
}

/// A JSON line as a document: its `text`, titled by its `title`, `headline` or `id`.
fn document_of_line(bytes: &[u8], place: &str, args: &ShowArgs) -> Result<Input, String> {
    if bytes.len() > args.max_bytes {
        return Err(format!("{place}: larger than --max-bytes {}", args.max_bytes));
    }
    let raw = decode(bytes, args.lossy).map_err(|e| format!("{place}: {e} (use --lossy to replace invalid bytes)"))?;
    let mut fields: Map<String, Value> =
        serde_json::from_str(&raw).map_err(|e| format!("{place}: invalid JSON: {e}"))?;
    let id = fields.get("id").filter(|id| !id.is_null()).map(|id| match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let Some(Value::String(text)) = fields.remove("text") else {
        return Err(format!("{place}: no \"text\" string"));
    };
    let title = ["title", "headline"]
        .iter()
        .find_map(|k| fields.get(*k).and_then(Value::as_str).filter(|t| !t.trim().is_empty()))
        .map(str::to_owned)
        .or_else(|| id.clone())
        .unwrap_or_else(|| place.to_owned());
    Ok(Input { slug: slug(id.as_deref().unwrap_or("doc")), id, title, text })
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
