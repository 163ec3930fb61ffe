//! `saywho extract`: files or JSON Lines in, JSON or JSON Lines out.
//!
//! Documents stream through in batches: a batch is read, extracted in
//! parallel (rayon), and written in input order before the next batch is
//! read, so memory stays bounded by the batch size whatever the corpus size.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::ValueEnum;
use rayon::prelude::*;
use saywho::{decode, Document, Extractor, OffsetUnit};
use serde_json::{Map, Value};

use crate::Failure;

/// Documents per batch.
const BATCH_DOCS: usize = 512;
/// Bytes per batch (a batch ends at whichever limit comes first).
const BATCH_BYTES: usize = 8 << 20;
/// The fields saywho writes; input fields of these names are replaced.
const OWN_FIELDS: &[&str] = &["schema_version", "offsets", "entities", "referents", "quotes", "text"];

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Input files (plain text, or JSON Lines with --jsonl-input); `-` or none reads standard input.
    files: Vec<PathBuf>,
    /// Read JSON Lines of {"id": ..., "text": ...}; write one output line per input line, other fields copied.
    #[arg(long)]
    jsonl_input: bool,
    /// Output format: one JSON document (default for one text input) or JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,
    /// Offset unit: UTF-8 bytes, or Unicode scalar values (as Python indexes strings).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// An extra entity lexicon (TSV: surface, label, canonical[, id]); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Stop at the first bad document instead of writing an error line for it.
    #[arg(long)]
    strict: bool,
    /// The largest document accepted, in bytes; larger ones are errors.
    #[arg(long, default_value_t = 32 << 20, value_name = "BYTES")]
    max_bytes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Auto,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Offsets {
    Bytes,
    Chars,
}

/// One unit of work: a document's raw bytes and where it came from.
struct Job {
    /// The input file's name (`-` for standard input).
    file: String,
    /// The 1-based line number in JSON Lines input, or 0 for a whole file.
    line: usize,
    bytes: Vec<u8>,
}

/// A document that could not be processed.
struct DocError {
    id: Value,
    message: String,
}

struct Settings<'e> {
    extractor: &'e Extractor,
    jsonl_input: bool,
    /// Output lines name their input file (several text files).
    file_field: bool,
    /// Error lines name their input file (several files of any kind).
    several_files: bool,
    pretty: bool,
    offsets: OffsetUnit,
    lossy: bool,
    max_bytes: usize,
}

pub fn run(args: ExtractArgs) -> Result<(), Failure> {
    let mut builder = Extractor::builder();
    for path in &args.lexicons {
        builder = builder.lexicon_file(path);
    }
    let extractor = builder.build().map_err(|e| Failure::Input(e.to_string()))?;
    let files: Vec<PathBuf> = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let jsonl_out = match args.format {
        Format::Jsonl => true,
        Format::Json => false,
        Format::Auto => args.jsonl_input || files.len() > 1,
    };
    if !jsonl_out && (args.jsonl_input || files.len() > 1) {
        return Err(Failure::Input("--format json needs exactly one text input; use --format jsonl".into()));
    }
    let settings = Settings {
        extractor: &extractor,
        jsonl_input: args.jsonl_input,
        file_field: !args.jsonl_input && files.len() > 1,
        several_files: files.len() > 1,
        pretty: !jsonl_out,
        offsets: if args.offsets == Offsets::Chars { OffsetUnit::Chars } else { OffsetUnit::Bytes },
        lossy: args.lossy,
        max_bytes: args.max_bytes,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Failure::Input(format!("cannot start threads: {e}")))?;
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let progress = Progress::new(total_bytes, args.jsonl_input || files.len() > 1);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    let mut batch: Vec<Job> = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0;
    let mut flush = |batch: &mut Vec<Job>, out: &mut io::BufWriter<io::StdoutLock<'_>>| -> Result<(), Failure> {
        let results: Vec<Result<String, DocError>> =
            pool.install(|| batch.par_iter().map(|job| process(&settings, job)).collect());
        for (job, result) in batch.iter().zip(results) {
            match result {
                Ok(line) => {
                    out.write_all(line.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Err(error) => {
                    failed += 1;
                    let place = if job.line > 0 { format!("{}:{}", job.file, job.line) } else { job.file.clone() };
                    let id = if error.id.is_null() { String::new() } else { format!(" (id {})", error.id) };
                    eprintln!("saywho: {place}{id}: {}", error.message);
                    if args.strict || !jsonl_out {
                        out.flush()?;
                        return Err(Failure::Documents);
                    }
                    let mut line = Map::new();
                    line.insert("id".into(), error.id);
                    if settings.several_files {
                        line.insert("file".into(), Value::from(job.file.clone()));
                    }
                    line.insert("line".into(), Value::from(job.line));
                    line.insert("error".into(), Value::from(error.message));
                    serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                }
            }
            progress.advance(job.bytes.len() as u64 + 1);
        }
        batch.clear();
        Ok(())
    };
    for file in &files {
        let name = file.display().to_string();
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?)
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        if args.jsonl_input {
            let mut line_no = 0;
            loop {
                let mut bytes = Vec::new();
                let n = reader
                    .read_until(b'\n', &mut bytes)
                    .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                // A byte-order mark (as Windows tools write one) is not part of the first line's JSON.
                if line_no == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
                    bytes.drain(..3);
                }
                while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                    bytes.pop();
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                batch_bytes += bytes.len();
                batch.push(Job { file: name.clone(), line: line_no, bytes });
                if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                    flush(&mut batch, &mut out)?;
                    batch_bytes = 0;
                }
            }
        } else {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            batch_bytes += bytes.len();
            batch.push(Job { file: name.clone(), line: 0, bytes });
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                flush(&mut batch, &mut out)?;
                batch_bytes = 0;
            }
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush()?;
    progress.finish(failed);
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

/// Extracts one document and renders its output line (or pretty JSON).
fn process(settings: &Settings<'_>, job: &Job) -> Result<String, DocError> {
    let error = |id: Value, message: String| DocError { id, message };
    // A line refused before it is read as a document still names its id when it has one.
    let id_of_line = || if settings.jsonl_input { id_of(&job.bytes) } else { Value::Null };
    if job.bytes.len() > settings.max_bytes {
        return Err(error(
            id_of_line(),
            format!("document of {} bytes is larger than --max-bytes {}", job.bytes.len(), settings.max_bytes),
        ));
    }
    let raw = decode(&job.bytes, settings.lossy)
        .map_err(|e| error(id_of_line(), format!("{e} (use --lossy to replace invalid bytes)")))?;
    if !settings.jsonl_input {
        let doc = extract(settings, &raw);
        let mut fields = Map::new();
        if settings.file_field {
            fields.insert("file".into(), Value::from(job.file.clone()));
        }
        return Ok(render(settings, fields, &doc));
    }
    let mut fields: Map<String, Value> =
        serde_json::from_str(&raw).map_err(|e| error(Value::Null, format!("invalid JSON: {e}")))?;
    let id = fields.get("id").cloned().unwrap_or(Value::Null);
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err(error(id, "\"text\" is not a string".into())),
        None => return Err(error(id, "no \"text\" field".into())),
    };
    fields.retain(|k, _| !OWN_FIELDS.contains(&k.as_str()));
    let doc = extract(settings, &text);
    Ok(render(settings, fields, &doc))
}

/// The `id` of a JSON line, read past invalid UTF-8 (replaced) and without
/// keeping any other field; `null` when the line is no JSON object or has none.
fn id_of(line: &[u8]) -> Value {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Value,
    }
    serde_json::from_str::<IdOnly>(&String::from_utf8_lossy(line)).map_or(Value::Null, |line| line.id)
}

fn extract<'a>(settings: &Settings<'a>, text: &'a str) -> Document<'a> {
    let mut doc = settings.extractor.extract(text);
    doc.convert_offsets(text, settings.offsets);
    doc
}

/// The input's fields, then the document's.
fn render(settings: &Settings<'_>, fields: Map<String, Value>, doc: &Document<'_>) -> String {
    if settings.pretty {
        let mut s = serde_json::to_string_pretty(doc).expect("documents serialize");
        s.shrink_to_fit();
        return s;
    }
    let body = serde_json::to_string(doc).expect("documents serialize");
    if fields.is_empty() {
        return body;
    }
    let head = serde_json::to_string(&fields).expect("JSON values serialize");
    // `{"id":…}` + `{"schema_version":…}` → `{"id":…,"schema_version":…}`
    format!("{},{}", &head[..head.len() - 1], &body[1..])
}

/// A progress bar on stderr when it is a terminal, and a summary line at the end.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    summary: bool,
    done: std::cell::Cell<(u64, u64)>,
}

impl Progress {
    fn new(total_bytes: u64, summary: bool) -> Progress {
        let bar = (summary && io::stderr().is_terminal()).then(|| {
            let bar = if total_bytes > 0 {
                indicatif::ProgressBar::new(total_bytes)
            } else {
                indicatif::ProgressBar::new_spinner()
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} [{elapsed_precise}]",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar, started: Instant::now(), summary, done: std::cell::Cell::new((0, 0)) }
    }

    fn advance(&self, bytes: u64) {
        let (docs, total) = self.done.get();
        self.done.set((docs + 1, total + bytes));
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} docs, {:.0} docs/s", docs + 1, (docs + 1) as f64 / secs));
        }
    }

    fn finish(&self, failed: usize) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.summary {
            let (docs, bytes) = self.done.get();
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            eprintln!(
                "saywho: {docs} documents ({failed} failed), {:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} docs/s",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs,
                docs as f64 / secs
            );
        }
    }
}
