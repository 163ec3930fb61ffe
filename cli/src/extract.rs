//! `saywho extract`: files or JSON Lines in, JSON or JSON Lines out.
//!
//! The inputs are read as documents in order ([`crate::input`]), extracted
//! on worker threads, and each document's JSON is streamed to standard
//! output as it is serialized, in input order ([`crate::ordered`]): memory
//! is bounded by the documents in flight, not by the corpus or by the JSON.

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use clap::ValueEnum;
use saywho::{Extractor, OffsetUnit};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::input::{decode, DocError, Inputs, Task};
use crate::line::Line;
use crate::ordered::{self, Sink};
use crate::Failure;

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
    /// Replace invalid UTF-8 (and lone surrogate escapes in JSON text) with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// An extra entity lexicon (TSV: surface, label, canonical[, id]); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Worker threads, 1 or more (default: all cores).
    #[arg(long, value_parser = thread_count)]
    threads: Option<NonZeroUsize>,
    /// Stop at the first bad document instead of writing an error line for it.
    #[arg(long)]
    strict: bool,
    /// The largest document accepted, in bytes (a JSON line counts whole); larger ones are errors, never read whole.
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

/// `--threads`: a count of at least 1.
pub fn thread_count(arg: &str) -> Result<NonZeroUsize, String> {
    let n: usize = arg.parse().map_err(|e| format!("{e}"))?;
    NonZeroUsize::new(n)
        .ok_or_else(|| "0 threads cannot extract; give 1 or more, or leave --threads out to use all cores".into())
}

struct Settings<'e> {
    extractor: &'e Extractor,
    jsonl_input: bool,
    /// Output lines name their input file (several text files).
    file_field: bool,
    pretty: bool,
    offsets: OffsetUnit,
    lossy: bool,
    max_bytes: usize,
}

/// What a worker reports for one task, after its output.
struct Outcome {
    file: Arc<str>,
    line: Option<usize>,
    /// The input's length, for the progress figures.
    bytes: u64,
    error: Option<DocError>,
}

/// The line written in place of a bad document.
#[derive(Serialize)]
struct ErrorLine<'a> {
    /// JSON Lines documents only: the id, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Option<&'a RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: &'a str,
}

pub fn run(args: ExtractArgs) -> Result<(), Failure> {
    let files: Vec<PathBuf> = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let jsonl_out = match args.format {
        Format::Jsonl => true,
        Format::Json => false,
        Format::Auto => args.jsonl_input || files.len() > 1,
    };
    if !jsonl_out && (args.jsonl_input || files.len() > 1) {
        return Err(Failure::Usage("--format json needs exactly one text input; use --format jsonl".into()));
    }
    let mut builder = Extractor::builder();
    for path in &args.lexicons {
        builder = builder.lexicon_file(path);
    }
    let extractor = builder.build().map_err(|e| Failure::Input(e.to_string()))?;
    let settings = Settings {
        extractor: &extractor,
        jsonl_input: args.jsonl_input,
        file_field: !args.jsonl_input && files.len() > 1,
        pretty: !jsonl_out,
        offsets: if args.offsets == Offsets::Chars { OffsetUnit::Chars } else { OffsetUnit::Bytes },
        lossy: args.lossy,
        max_bytes: args.max_bytes,
    };
    let threads = args.threads.or_else(|| std::thread::available_parallelism().ok()).unwrap_or(NonZeroUsize::MIN);
    let several_files = files.len() > 1;
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let mut progress = Progress::new(total_bytes, args.jsonl_input || several_files);
    let mut failed = 0usize;
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let inputs = Inputs::new(files, args.jsonl_input, args.max_bytes);
    ordered::run(
        threads,
        inputs,
        Task::held_bytes,
        |task, sink| process(&settings, task, sink),
        &mut out,
        |out, outcome: Outcome| {
            progress.advance(outcome.bytes + 1);
            let Some(error) = outcome.error else { return Ok(()) };
            failed += 1;
            error.report(&outcome.file, outcome.line);
            if args.strict || !jsonl_out {
                out.flush()?;
                return Err(Failure::Documents);
            }
            let line = ErrorLine {
                id: outcome.line.map(|_| error.id.as_deref()),
                file: (several_files || outcome.line.is_none()).then_some(&*outcome.file),
                line: outcome.line,
                error: &error.message,
            };
            serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
            Ok(())
        },
    )?;
    out.flush()?;
    progress.finish(failed);
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

/// Extracts one document and streams its output line (or pretty JSON) to
/// the sink; a bad document writes nothing and reports why.
fn process(settings: &Settings<'_>, task: Task, sink: &mut Sink<Outcome>) -> Outcome {
    let (bytes, document_bytes) = task.content.into_bytes(settings.jsonl_input, settings.max_bytes);
    let error = document_bytes.and_then(|bytes| document(settings, &task.file, &bytes, sink)).err();
    Outcome { file: task.file, line: task.line, bytes, error }
}

fn document(settings: &Settings<'_>, file: &str, bytes: &[u8], sink: &mut Sink<Outcome>) -> Result<(), DocError> {
    // A line refused before it is read as a document still names its id when it has one.
    let refuse = |message: String| DocError::refused(bytes, settings.jsonl_input, message);
    let raw = decode(bytes, settings.jsonl_input, settings.lossy)?;
    if !settings.jsonl_input {
        return write_document(settings, &raw, sink, |out| {
            if settings.file_field {
                out.write_all(b"\"file\":")?;
                serde_json::to_writer(&mut *out, file)?;
                out.write_all(b",")?;
            }
            Ok(())
        })
        .map_err(refuse);
    }
    let line = Line::parse(&raw).map_err(|e| refuse(format!("invalid JSON: {e}")))?;
    let refuse = |message: String| DocError { id: line.id(), message };
    let text = line.text(settings.lossy).map_err(refuse)?;
    write_document(settings, &text, sink, |out| line.write_fields(out)).map_err(refuse)
}

/// Extracts `text` and streams its JSON: `fields` writes the input's fields
/// (`"key":value,` each) after the opening brace. A panic in the extractor is an error, so it costs one document, not
/// the run. Writing fails only when the writer has stopped, which it reports.
fn write_document(
    settings: &Settings<'_>,
    text: &str,
    sink: &mut Sink<Outcome>,
    fields: impl FnOnce(&mut Sink<Outcome>) -> io::Result<()>,
) -> Result<(), String> {
    let doc = guarded(|| {
        let mut doc = settings.extractor.extract(text);
        doc.convert_offsets(text, settings.offsets);
        doc
    })?;
    // Writing fails only when the writer has stopped, and the writer reports why.
    let _ = (|| -> io::Result<()> {
        if settings.pretty {
            serde_json::to_writer_pretty(&mut *sink, &doc)?;
        } else {
            sink.write_all(b"{")?;
            fields(sink)?;
            serde_json::to_writer(AfterBrace { out: &mut *sink, skipped: false }, &doc)?;
        }
        sink.write_all(b"\n")
    })();
    Ok(())
}

/// Runs `work`; a panic in it (a bug in the extractor) is an error, so it
/// costs one document, not the run.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        let what = panic.downcast_ref::<&str>().copied().or(panic.downcast_ref::<String>().map(String::as_str));
        format!("internal error, please report it: {}", what.unwrap_or("panic"))
    })
}

/// Writes what is written to it except its first byte: a document's JSON
/// without its opening brace, after one already written.
struct AfterBrace<W> {
    out: W,
    skipped: bool,
}

impl<W: Write> Write for AfterBrace<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match bytes.split_first() {
            Some((&first, rest)) if !self.skipped => {
                debug_assert_eq!(first, b'{');
                self.skipped = true;
                self.out.write_all(rest)
            }
            _ => self.out.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A progress bar on stderr when it is a terminal, and a summary line at the end.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    summary: bool,
    /// Documents and bytes done.
    docs: u64,
    bytes: u64,
}

impl Progress {
    pub fn new(total_bytes: u64, summary: bool) -> Progress {
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
        Progress { bar, started: Instant::now(), summary, docs: 0, bytes: 0 }
    }

    pub fn advance(&mut self, bytes: u64) {
        self.docs += 1;
        self.bytes += bytes;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} docs, {:.0} docs/s", self.docs, self.docs as f64 / secs));
        }
    }

    pub fn finish(&self, failed: usize) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.summary {
            let (docs, bytes) = (self.docs, self.bytes);
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
