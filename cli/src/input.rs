//! Reading documents as `extract` and `sources` take them: text files or
//! JSON Lines, from files or standard input, in bounded batches, with a
//! progress bar on stderr.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::PathBuf;
use std::time::Instant;

use saywho::decode;
use serde_json::{Map, Value};

use crate::Failure;

/// Documents per batch.
const BATCH_DOCS: usize = 512;
/// Bytes per batch (a batch ends at whichever limit comes first).
const BATCH_BYTES: usize = 8 << 20;

/// One unit of work: a document's raw bytes and where it came from.
pub struct Job {
    /// The input file's name (`-` for standard input).
    pub file: String,
    /// The 1-based line number in JSON Lines input, or 0 for a whole file.
    pub line: usize,
    pub bytes: Vec<u8>,
}

/// A document that could not be processed.
pub struct DocError {
    pub id: Value,
    pub message: String,
}

impl DocError {
    /// Reports the error on stderr with the document's file, line and id.
    pub fn report(&self, job: &Job) {
        let place = if job.line > 0 { format!("{}:{}", job.file, job.line) } else { job.file.clone() };
        let id = if self.id.is_null() { String::new() } else { format!(" (id {})", self.id) };
        eprintln!("saywho: {place}{id}: {}", self.message);
    }
}

/// A job's content, decoded: a whole text file, or one JSON Lines object.
pub enum Input<'a> {
    Text(Cow<'a, str>),
    Line(Map<String, Value>),
}

impl Job {
    /// Decodes the job (refusing it past `max_bytes`), and parses it as a JSON object when `jsonl`.
    pub fn read(&self, jsonl: bool, lossy: bool, max_bytes: usize) -> Result<Input<'_>, DocError> {
        let error = |id: Value, message: String| DocError { id, message };
        // A line refused before it is read as a document still names its id when it has one.
        let id_of_line = || if jsonl { id_of(&self.bytes) } else { Value::Null };
        if self.bytes.len() > max_bytes {
            return Err(error(
                id_of_line(),
                format!("document of {} bytes is larger than --max-bytes {max_bytes}", self.bytes.len()),
            ));
        }
        let raw = decode(&self.bytes, lossy)
            .map_err(|e| error(id_of_line(), format!("{e} (use --lossy to replace invalid bytes)")))?;
        if !jsonl {
            return Ok(Input::Text(raw));
        }
        serde_json::from_str(&raw).map(Input::Line).map_err(|e| error(Value::Null, format!("invalid JSON: {e}")))
    }
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

/// The input files, `-` (standard input) when none are given.
pub fn files_or_stdin(files: &[PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    }
}

/// Reads every file (a whole text file, or with `jsonl` each non-blank
/// line, without its line break or a leading byte-order mark, is a job) and
/// hands the jobs to `flush` in batches, in input order. The batch is empty
/// again when `flush` returns.
pub fn for_each_batch(
    files: &[PathBuf],
    jsonl: bool,
    mut flush: impl FnMut(&mut Vec<Job>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut batch: Vec<Job> = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0;
    let mut push = |job: Job, batch: &mut Vec<Job>| -> Result<(), Failure> {
        batch_bytes += job.bytes.len();
        batch.push(job);
        if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
            flush(batch)?;
            batch.clear();
            batch_bytes = 0;
        }
        Ok(())
    };
    for file in files {
        let name = file.display().to_string();
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?)
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        if jsonl {
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
                push(Job { file: name.clone(), line: line_no, bytes }, &mut batch)?;
            }
        } else {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            push(Job { file: name.clone(), line: 0, bytes }, &mut batch)?;
        }
    }
    flush(&mut batch)?;
    batch.clear();
    Ok(())
}

/// A progress bar on stderr when it is a terminal, and a summary line at the end.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    summary: bool,
    done: std::cell::Cell<(u64, u64)>,
}

impl Progress {
    /// A bar over the files' total size (a spinner when it is unknown);
    /// `summary` shows the bar and prints the summary line.
    pub fn new(files: &[PathBuf], summary: bool) -> Progress {
        let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
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

    /// Counts one document of `bytes` bytes done.
    pub fn advance(&self, bytes: u64) {
        let (docs, total) = self.done.get();
        self.done.set((docs + 1, total + bytes));
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} docs, {:.0} docs/s", docs + 1, (docs + 1) as f64 / secs));
        }
    }

    /// Clears the bar and prints the summary line.
    pub fn finish(&self, failed: usize) {
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
