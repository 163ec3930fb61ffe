//! A run over the documents of the inputs, as `extract`, `sources` and
//! `show` make it: the documents read in order ([`crate::input`]), worked
//! on by worker threads, and their results handed back in input order
//! ([`crate::ordered`]), with a progress bar and a summary line. A document
//! that cannot be read or worked on is reported on standard error with its
//! file, line and id, and counted; the run goes on.

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use saywho::Extractor;

use crate::input::{DocError, Inputs, Task};
use crate::ordered::{self, Sink};
use crate::Failure;

/// The arguments of every run over documents (`extract`, `sources`, `show`).
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Input files (plain text, or JSON Lines with --jsonl-input); `-` or none reads standard input.
    files: Vec<PathBuf>,
    /// Replace invalid UTF-8 (and lone surrogate escapes in JSON text) with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// An extra entity lexicon (TSV: surface, label, canonical[, id]); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Worker threads, 1 or more (default: all cores).
    #[arg(long, value_parser = thread_count)]
    threads: Option<NonZeroUsize>,
    /// The largest document accepted, in bytes (a JSON line counts whole); larger ones are errors, never read whole.
    #[arg(long, default_value_t = 32 << 20, value_name = "BYTES")]
    max_bytes: usize,
}

/// A document's place in the inputs and what the work made of it.
pub struct Outcome<R> {
    pub file: Arc<str>,
    /// The 1-based line of a JSON Lines document.
    pub line: Option<usize>,
    /// The input's length, for the progress figures.
    bytes: u64,
    pub result: Result<R, DocError>,
}

impl InputArgs {
    /// The input files, `-` (standard input) when none are named.
    pub fn files(&self) -> Vec<PathBuf> {
        if self.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.files.clone()
        }
    }

    /// Runs `work` on every document (`jsonl`: each JSON line is one; its file, line and bytes; it may
    /// stream output to the sink) on worker threads, and hands each outcome
    /// to `done` in input order, after the document's output reached `out`.
    /// A failed document is reported before `done` sees it. An error from
    /// `done` stops the run. Returns the number of failed documents.
    pub fn run<R: Send, W: Write + Send>(
        &self,
        jsonl: bool,
        work: impl Fn(&str, Option<usize>, &[u8], &mut Sink<Outcome<R>>) -> Result<R, DocError> + Sync,
        out: &mut W,
        mut done: impl FnMut(&mut W, Outcome<R>) -> Result<(), Failure> + Send,
    ) -> Result<usize, Failure> {
        let threads = self.threads.or_else(|| std::thread::available_parallelism().ok()).unwrap_or(NonZeroUsize::MIN);
        let files = self.files();
        let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
        let mut progress = Progress::new(total_bytes, jsonl || files.len() > 1);
        let mut failed = 0usize;
        let max_bytes = self.max_bytes;
        ordered::run(
            threads,
            Inputs::new(files, jsonl, max_bytes),
            Task::held_bytes,
            |task, sink| {
                let (bytes, document) = task.content.into_bytes(jsonl, max_bytes);
                let result = document.and_then(|document| work(&task.file, task.line, &document, sink));
                Outcome { file: task.file, line: task.line, bytes, result }
            },
            out,
            |out, outcome| {
                progress.advance(outcome.bytes + 1);
                if let Err(error) = &outcome.result {
                    failed += 1;
                    error.report(&outcome.file, outcome.line);
                }
                done(out, outcome)
            },
        )?;
        progress.finish(failed);
        Ok(failed)
    }
}

/// The extractor with the extra lexicons of `--lexicon`.
pub fn extractor(lexicons: &[PathBuf]) -> Result<Extractor, Failure> {
    let mut builder = Extractor::builder();
    for path in lexicons {
        builder = builder.lexicon_file(path);
    }
    builder.build().map_err(|e| Failure::Input(e.to_string()))
}

/// `--threads`: a count of at least 1.
fn thread_count(arg: &str) -> Result<NonZeroUsize, String> {
    let n: usize = arg.parse().map_err(|e| format!("{e}"))?;
    NonZeroUsize::new(n)
        .ok_or_else(|| "0 threads cannot extract; give 1 or more, or leave --threads out to use all cores".into())
}

/// Runs `work`; a panic in it (a bug in the extractor) is an error, so it
/// costs one document, not the run.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        let what = panic.downcast_ref::<&str>().copied().or(panic.downcast_ref::<String>().map(String::as_str));
        format!("internal error, please report it: {}", what.unwrap_or("panic"))
    })
}

/// A progress bar on stderr when it is a terminal, and a summary line at the end.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    summary: bool,
    /// Documents and bytes done.
    docs: u64,
    bytes: u64,
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
        Progress { bar, started: Instant::now(), summary, docs: 0, bytes: 0 }
    }

    fn advance(&mut self, bytes: u64) {
        self.docs += 1;
        self.bytes += bytes;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} docs, {:.0} docs/s", self.docs, self.docs as f64 / secs));
        }
    }

    fn finish(&self, failed: usize) {
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
