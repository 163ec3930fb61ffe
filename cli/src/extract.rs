//! `saywho extract`: files or JSON Lines in, JSON or JSON Lines out.
//!
//! The inputs are read as documents in order, extracted on worker threads,
//! and each document's JSON is streamed to standard output as it is
//! serialized, in input order ([`crate::documents`]): memory is bounded by
//! the documents in flight, not by the corpus or by the JSON.

use std::io::{self, Write};

use clap::ValueEnum;
use saywho::{Extractor, OffsetUnit};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::documents::{self, guarded, InputArgs, Outcome};
use crate::input::{decode, parse_line, DocError};
use crate::ordered::Sink;
use crate::Failure;

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Read JSON Lines of {"id": ..., "text": ...}; write one output line per input line, other fields copied.
    #[arg(long)]
    jsonl_input: bool,
    /// Output format: one JSON document (default for one text input) or JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,
    /// Offset unit: UTF-8 bytes, or Unicode scalar values (as Python indexes strings).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,
    /// Stop at the first bad document instead of writing an error line for it.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    input: InputArgs,
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
    pretty: bool,
    offsets: OffsetUnit,
    lossy: bool,
}

/// Where a document's JSON is written.
type Out = Sink<Outcome<()>>;

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
    let files = args.input.files();
    let jsonl_out = match args.format {
        Format::Jsonl => true,
        Format::Json => false,
        Format::Auto => args.jsonl_input || files.len() > 1,
    };
    if !jsonl_out && (args.jsonl_input || files.len() > 1) {
        return Err(Failure::Usage("--format json needs exactly one text input; use --format jsonl".into()));
    }
    let extractor = documents::extractor(&args.input.lexicons)?;
    let settings = Settings {
        extractor: &extractor,
        jsonl_input: args.jsonl_input,
        file_field: !args.jsonl_input && files.len() > 1,
        pretty: !jsonl_out,
        offsets: if args.offsets == Offsets::Chars { OffsetUnit::Chars } else { OffsetUnit::Bytes },
        lossy: args.input.lossy,
    };
    let several_files = files.len() > 1;
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let failed = args.input.run(
        args.jsonl_input,
        |file, _, bytes, sink| document(&settings, file, bytes, sink),
        &mut out,
        |out, outcome| {
            let Err(error) = outcome.result else { return Ok(()) };
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
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

/// Extracts one document and streams its output line (or pretty JSON) to
/// the sink; a bad document writes nothing and reports why.
fn document(settings: &Settings<'_>, file: &str, bytes: &[u8], sink: &mut Out) -> Result<(), DocError> {
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
    let line = parse_line(&raw, bytes)?;
    let refuse = |message| DocError::of_line(&line, message);
    let text = line.text(settings.lossy).map_err(refuse)?;
    write_document(settings, &text, sink, |out| line.write_fields(out)).map_err(refuse)
}

/// Extracts `text` and streams its JSON: `fields` writes the input's fields
/// (`"key":value,` each) after the opening brace. A panic in the extractor is an error, so it costs one document, not
/// the run. Writing fails only when the writer has stopped, which it reports.
fn write_document(
    settings: &Settings<'_>,
    text: &str,
    sink: &mut Out,
    fields: impl FnOnce(&mut Out) -> io::Result<()>,
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
