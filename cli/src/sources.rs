//! `saywho sources`: who gets quoted, over a corpus. Reads documents as
//! `extract` does (lines that already carry saywho's output are read as
//! they are), summarises them in parallel, adds them to a
//! [`saywho::sources::Audit`] in input order, and writes the table as CSV,
//! JSON or an HTML report.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use saywho::html::{self, ReportOptions};
use saywho::sources::{self, Audit, DocumentSources, GenderRules, Trail};
use saywho::{Document, Extractor, OffsetUnit};
use serde_json::Value;

use crate::documents::{self, guarded, InputArgs};
use crate::input::{decode, parse_line, DocError};
use crate::line::Line;
use crate::Failure;

/// Quotes per source the HTML report shows.
const REPORT_QUOTES: usize = 20;
/// Bytes of context around each quote in the HTML report.
const REPORT_CONTEXT: usize = 160;

#[derive(clap::Args, Debug)]
pub struct SourcesArgs {
    /// Read JSON Lines of {"id": ..., "text": ...}, or lines of saywho's own output (read as they are).
    #[arg(long)]
    jsonl_input: bool,
    /// Group by an input field (`section`), or by the month of an ISO-8601 date field (`date:month`).
    #[arg(long, value_name = "FIELD[:month]")]
    by: Option<String>,
    /// Give each person a gender, only from evidence (titles, pronouns linked by the text, the given-name list).
    #[arg(long)]
    gender: bool,
    /// With --gender: never use the given-name list.
    #[arg(long, requires = "gender")]
    no_name_gender: bool,
    /// With --gender: a list that overrides all evidence (TSV: canonical name, value).
    #[arg(long, requires = "gender", value_name = "FILE")]
    gender_list: Option<PathBuf>,
    /// Output on standard output: CSV (the default without --html) or JSON with the audit trail.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write a self-contained HTML report to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// How many sources the HTML report's table shows.
    #[arg(long, default_value_t = 200)]
    top: usize,
    /// Stop at the first bad document instead of reporting it and going on.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Csv,
    Json,
}

/// The grouping: a field, and whether its value is a date to read the month of.
struct By {
    field: String,
    month: bool,
}

impl By {
    fn parse(spec: &str) -> By {
        match spec.strip_suffix(":month") {
            Some(field) => By { field: field.to_owned(), month: true },
            None => By { field: spec.to_owned(), month: false },
        }
    }

    /// The document's group value, `None` when it has none.
    fn value(&self, line: &Line<'_>) -> Option<String> {
        let value = match serde_json::from_str::<Value>(line.field(&self.field)?.get()).ok()? {
            Value::Null => return None,
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => s,
            other => other.to_string(),
        };
        if self.month {
            sources::month_of(&value).map(str::to_owned)
        } else {
            Some(value)
        }
    }
}

struct Settings<'e> {
    extractor: &'e Extractor,
    jsonl_input: bool,
    by: Option<By>,
    trail: Trail,
    lossy: bool,
}

/// One document, summarised: its id, group value and sources.
struct Summary {
    id: String,
    group: Option<String>,
    sources: DocumentSources,
}

pub fn run(args: SourcesArgs) -> Result<(), Failure> {
    let extractor = documents::extractor(&args.input.lexicons)?;
    let mut rules = None;
    if args.gender {
        let mut r = GenderRules::new(&extractor).given_names(!args.no_name_gender);
        if let Some(path) = &args.gender_list {
            let name = path.display().to_string();
            let tsv = std::fs::read_to_string(path).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            r = r.user_list(&name, &tsv).map_err(|e| Failure::Input(e.to_string()))?;
        }
        rules = Some(r);
    }
    let format = match (args.format, &args.html) {
        (Some(format), _) => Some(format),
        (None, None) => Some(Format::Csv),
        (None, Some(_)) => None,
    };
    let trail = match (format == Some(Format::Json), args.html.is_some()) {
        (true, html) => Trail { per_source: None, context: if html { REPORT_CONTEXT } else { 0 }, top: None },
        (false, true) => Trail { per_source: Some(REPORT_QUOTES), context: REPORT_CONTEXT, top: Some(args.top) },
        (false, false) => Trail::NONE,
    };
    let settings = Settings {
        extractor: &extractor,
        jsonl_input: args.jsonl_input,
        by: args.by.as_deref().map(By::parse),
        trail,
        lossy: args.input.lossy,
    };
    let mut audit = if settings.by.is_some() { Audit::grouped(trail) } else { Audit::new(trail) };
    // Workers summarise documents; the summaries reach the audit in input order. Nothing is written meanwhile.
    let failed = args.input.run(
        args.jsonl_input,
        |file, line, bytes, _| summarise(&settings, file, line, bytes),
        &mut io::sink(),
        |_, outcome| {
            match outcome.result {
                Ok(s) => audit.add(&s.id, s.group.as_deref(), &s.sources),
                Err(_) if args.strict => return Err(Failure::Documents),
                Err(_) => {}
            }
            Ok(())
        },
    )?;
    let table = audit.finish(rules.as_ref());
    if let Some(path) = &args.html {
        let options = ReportOptions { group_field: args.by.clone(), top: args.top, ..ReportOptions::default() };
        std::fs::write(path, html::report(&table, &options))
            .map_err(|e| Failure::Input(format!("cannot write {}: {e}", path.display())))?;
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match format {
        Some(Format::Csv) => table.write_csv(&mut out)?,
        Some(Format::Json) => {
            #[derive(serde::Serialize)]
            struct Output<'a> {
                by: Option<&'a str>,
                #[serde(flatten)]
                table: &'a sources::SourceTable,
            }
            serde_json::to_writer(&mut out, &Output { by: args.by.as_deref(), table: &table })
                .map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        None => {}
    }
    out.flush()?;
    if failed > 0 {
        Err(Failure::Documents)
    } else {
        Ok(())
    }
}

/// Summarises one document: extracted from its text, or read as it is from
/// a line that carries saywho's output. A panic in the extractor costs the
/// document, not the run.
fn summarise(settings: &Settings<'_>, file: &str, line_no: Option<usize>, bytes: &[u8]) -> Result<Summary, DocError> {
    let refuse = |message: String| DocError::refused(bytes, settings.jsonl_input, message);
    let raw = decode(bytes, settings.jsonl_input, settings.lossy)?;
    let extract = |text: &str| {
        guarded(|| {
            let doc = settings.extractor.extract(text);
            DocumentSources::new(&doc, Some(text), settings.trail)
        })
    };
    if !settings.jsonl_input {
        let sources = extract(&raw).map_err(refuse)?;
        return Ok(Summary { id: file.to_owned(), group: None, sources });
    }
    let line = parse_line(&raw, bytes)?;
    let refuse = |message| DocError::of_line(&line, message);
    let id = line.id_text().unwrap_or_else(|| format!("{file}:{}", line_no.unwrap_or(0)));
    let group = settings.by.as_ref().and_then(|by| by.value(&line));
    let text = match line.field("text") {
        Some(_) => Some(line.text(settings.lossy).map_err(refuse)?),
        None => None,
    };
    let sources = if line.field("schema_version").is_some() && line.field("quotes").is_some() {
        let mut doc: Document<'_> =
            serde_json::from_str(&raw).map_err(|e| refuse(format!("invalid saywho output: {e}")))?;
        if doc.offsets != OffsetUnit::Bytes {
            let text = text.as_deref().ok_or_else(|| {
                refuse("offsets are not bytes and the line has no \"text\" to convert them with".into())
            })?;
            doc.convert_offsets(text, OffsetUnit::Bytes);
        }
        let text = text.as_deref().filter(|text| doc.validate(text).is_ok());
        DocumentSources::new(&doc, text, settings.trail)
    } else {
        let text = text.ok_or_else(|| refuse("no \"text\" field and no saywho output".into()))?;
        extract(&text).map_err(refuse)?
    };
    Ok(Summary { id, group, sources })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_reads_a_field_or_the_month_of_a_date() {
        let raw = r#"{"section": "sport", "date": "2024-03-05", "n": 3, "blank": " "}"#;
        let line = Line::parse(raw).unwrap();
        assert_eq!(By::parse("section").value(&line).as_deref(), Some("sport"));
        assert_eq!(By::parse("date:month").value(&line).as_deref(), Some("2024-03"));
        assert_eq!(By::parse("section:month").value(&line), None);
        assert_eq!(By::parse("n").value(&line).as_deref(), Some("3"));
        assert_eq!(By::parse("blank").value(&line), None);
        assert_eq!(By::parse("author").value(&line), None);
    }
}
