//! `saywho extract`: files or JSON Lines in, JSON or JSON Lines out.
//!
//! Documents stream through in batches: a batch is read, extracted in
//! parallel (rayon), and written in input order before the next batch is
//! read, so memory stays bounded by the batch size whatever the corpus size.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use rayon::prelude::*;
use saywho::{Document, Extractor, OffsetUnit};
use serde_json::{Map, Value};

use crate::input::{self, DocError, Input, Job, Progress};
use crate::Failure;

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
    let files = input::files_or_stdin(&args.files);
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
    let progress = Progress::new(&files, args.jsonl_input || files.len() > 1);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    let flush = |batch: &mut Vec<Job>| -> Result<(), Failure> {
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
                    error.report(job);
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
                    serde_json::to_writer(&mut out, &line).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                }
            }
            progress.advance(job.bytes.len() as u64 + 1);
        }
        Ok(())
    };
    input::for_each_batch(&files, args.jsonl_input, flush)?;
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
    let mut fields = match job.read(settings.jsonl_input, settings.lossy, settings.max_bytes)? {
        Input::Text(raw) => {
            let doc = extract(settings, &raw);
            let mut fields = Map::new();
            if settings.file_field {
                fields.insert("file".into(), Value::from(job.file.clone()));
            }
            return Ok(render(settings, fields, &doc));
        }
        Input::Line(fields) => fields,
    };
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
