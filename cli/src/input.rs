//! Reading the inputs into documents with bounded memory: files in order,
//! one document per text file or per JSON line. A document longer than
//! `--max-bytes` is skipped to its end without being held, and a file that
//! cannot be read becomes a task of its own, so the run goes on: what
//! cannot be read is a [`DocError`], reported the same way by every
//! subcommand.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::value::RawValue;

use crate::line::{id_of, Line};

/// How much of an over-long JSON line is kept to read its `id` from.
pub const ID_WINDOW: usize = 64 << 10;
/// Bytes a line may hold beyond `--max-bytes` that are no part of its
/// document: a byte-order mark and line-ending CRs.
const SLACK: usize = 4;

/// One document to process, or what stands in its place.
pub struct Task {
    /// The input file's name (`-` for standard input).
    pub file: Arc<str>,
    /// The 1-based line of a JSON Lines document; `None` for a whole file.
    pub line: Option<usize>,
    pub content: Content,
}

pub enum Content {
    /// The document's bytes, within the limit.
    Bytes(Vec<u8>),
    /// A document over the limit: its length and at most [`ID_WINDOW`] of its first bytes.
    TooLong { len: u64, start: Vec<u8> },
    /// The file could not be read (the message names it).
    Unreadable(String),
}

impl Task {
    /// The input bytes the task holds.
    pub fn held_bytes(&self) -> usize {
        match &self.content {
            Content::Bytes(bytes) | Content::TooLong { start: bytes, .. } => bytes.len(),
            Content::Unreadable(message) => message.len(),
        }
    }
}

impl Content {
    /// The document's bytes, with the input's length; a document over the
    /// limit or a file that could not be read is an error (naming the id of
    /// a JSON line when its start holds one).
    pub fn into_bytes(self, jsonl: bool, max_bytes: usize) -> (u64, Result<Vec<u8>, DocError>) {
        match self {
            Content::Bytes(bytes) => (bytes.len() as u64, Ok(bytes)),
            Content::TooLong { len, start } => {
                let message = format!("document of {len} bytes is larger than --max-bytes {max_bytes}");
                (len, Err(DocError::refused(&start, jsonl, message)))
            }
            Content::Unreadable(message) => (0, Err(DocError { id: None, message })),
        }
    }
}

/// A document that could not be read or processed.
pub struct DocError {
    /// The line's `id` as written, if it could be read (JSON Lines only).
    pub id: Option<Box<RawValue>>,
    pub message: String,
}

impl DocError {
    /// A document refused before it is read as one: the id of a JSON line
    /// is read from its `bytes` when it can be.
    pub fn refused(bytes: &[u8], jsonl: bool, message: String) -> DocError {
        DocError { id: if jsonl { id_of(bytes) } else { None }, message }
    }

    /// Reports the error on standard error, naming the file, the line and the id.
    pub fn report(&self, file: &str, line: Option<usize>) {
        let place = match line {
            Some(line) => format!("{file}:{line}"),
            None => file.to_owned(),
        };
        let id = self.id.as_ref().map_or(String::new(), |id| format!(" (id {id})"));
        eprintln!("saywho: {place}{id}: {}", self.message);
    }
}

/// A JSON line read from its decoded text `raw` (`bytes` as read, to name
/// the id of a line that is no valid JSON when its start has one).
pub fn parse_line<'a>(raw: &'a str, bytes: &[u8]) -> Result<Line<'a>, DocError> {
    Line::parse(raw).map_err(|e| DocError::refused(bytes, true, format!("invalid JSON: {e}")))
}

impl DocError {
    /// A document refused after its line was read: it names the line's id.
    pub fn of_line(line: &Line<'_>, message: String) -> DocError {
        DocError { id: line.id(), message }
    }
}

/// A document's bytes as text (invalid UTF-8 replaced with `lossy`, else refused).
pub fn decode(bytes: &[u8], jsonl: bool, lossy: bool) -> Result<Cow<'_, str>, DocError> {
    saywho::decode(bytes, lossy)
        .map_err(|e| DocError::refused(bytes, jsonl, format!("{e} (use --lossy to replace invalid bytes)")))
}

/// The documents of a list of files, in order.
pub struct Inputs {
    files: std::vec::IntoIter<PathBuf>,
    jsonl: bool,
    max_bytes: usize,
    /// The JSON Lines file being read, if any.
    open: Option<OpenLines>,
}

struct OpenLines {
    file: Arc<str>,
    reader: BufReader<Box<dyn Read>>,
    /// Lines read so far.
    line: usize,
}

impl Inputs {
    pub fn new(files: Vec<PathBuf>, jsonl: bool, max_bytes: usize) -> Inputs {
        Inputs { files: files.into_iter(), jsonl, max_bytes, open: None }
    }
}

impl Iterator for Inputs {
    type Item = Task;

    fn next(&mut self) -> Option<Task> {
        loop {
            if let Some(open) = &mut self.open {
                match next_line(open, self.max_bytes) {
                    Some(task) => return Some(task),
                    None => self.open = None,
                }
            }
            let path = self.files.next()?;
            let file: Arc<str> = path.display().to_string().into();
            let unreadable = |e: io::Error| Content::Unreadable(format!("cannot read: {e}"));
            let opened: io::Result<(Box<dyn Read>, Option<u64>)> = if &*file == "-" {
                Ok((Box::new(io::stdin().lock()), None))
            } else {
                File::open(&path).and_then(|f| {
                    let len = f.metadata()?.is_file().then_some(f.metadata()?.len());
                    Ok((Box::new(f) as Box<dyn Read>, len))
                })
            };
            let content = match opened {
                Err(e) => unreadable(e),
                Ok((reader, _)) if self.jsonl => {
                    self.open = Some(OpenLines { file, reader: BufReader::with_capacity(1 << 16, reader), line: 0 });
                    continue;
                }
                // A file known to be too large is refused before it is read.
                Ok((_, Some(len))) if len > self.max_bytes as u64 => Content::TooLong { len, start: Vec::new() },
                Ok((reader, len)) => {
                    let mut bytes = Vec::with_capacity(len.map_or(0, |len| len as usize));
                    match read_bounded(&mut BufReader::with_capacity(1 << 16, reader), None, self.max_bytes, &mut bytes)
                    {
                        Err(e) => unreadable(e),
                        Ok(Some(len)) if len > self.max_bytes as u64 => Content::TooLong { len, start: Vec::new() },
                        Ok(_) => Content::Bytes(bytes),
                    }
                }
            };
            return Some(Task { file, line: None, content });
        }
    }
}

/// The next non-blank line of a JSON Lines file, or `None` at its end. A
/// read error ends the file with a task that reports it.
fn next_line(open: &mut OpenLines, max_bytes: usize) -> Option<Task> {
    loop {
        let mut bytes = Vec::new();
        let read = read_bounded(&mut open.reader, Some(b'\n'), max_bytes.saturating_add(SLACK), &mut bytes);
        let mut len = match read {
            Ok(None) => return None,
            Ok(Some(len)) => len,
            Err(e) => {
                let message = format!("cannot read after line {}: {e}", open.line);
                // Nothing more is read from this file.
                open.reader = BufReader::new(Box::new(io::empty()));
                return Some(Task { file: open.file.clone(), line: None, content: Content::Unreadable(message) });
            }
        };
        open.line += 1;
        // A byte-order mark (as Windows tools write one) is not part of the first line's JSON.
        if open.line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
            len -= 3;
        }
        let content = if len > bytes.len() as u64 || bytes.len() > max_bytes {
            while bytes.last() == Some(&b'\r') {
                bytes.pop();
                len -= 1;
            }
            bytes.truncate(ID_WINDOW);
            bytes.shrink_to_fit();
            Content::TooLong { len, start: bytes }
        } else {
            while bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            Content::Bytes(bytes)
        };
        return Some(Task { file: open.file.clone(), line: Some(open.line), content });
    }
}

/// Reads up to the next `delimiter` (consumed, not kept), or to the end of
/// the input without one, and returns the length read (delimiter not
/// counted), or `None` at the end of the input. At most `cap` bytes are kept
/// in `buf`: the rest is skipped.
pub fn read_bounded(
    reader: &mut impl BufRead,
    delimiter: Option<u8>,
    cap: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Option<u64>> {
    let mut len = None;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(len);
        }
        let end = delimiter.and_then(|d| memchr::memchr(d, available));
        let part = &available[..end.unwrap_or(available.len())];
        let keep = cap.saturating_sub(buf.len()).min(part.len());
        buf.extend_from_slice(&part[..keep]);
        let total = len.unwrap_or(0) + part.len() as u64;
        len = Some(total);
        let used = part.len() + usize::from(end.is_some());
        reader.consume(used);
        if end.is_some() {
            return Ok(len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], delimiter: Option<u8>, cap: usize) -> Vec<(u64, Vec<u8>)> {
        let mut reader = BufReader::with_capacity(4, input);
        let mut pieces = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_bounded(&mut reader, delimiter, cap, &mut buf).unwrap() {
                Some(len) => pieces.push((len, buf)),
                None => return pieces,
            }
        }
    }

    #[test]
    fn lines_within_the_cap_are_kept_whole_and_longer_ones_only_counted() {
        let pieces = read_all(b"short\na line that is long\n\nend", Some(b'\n'), 6);
        let expected: Vec<(u64, Vec<u8>)> =
            vec![(5, b"short".to_vec()), (19, b"a line".to_vec()), (0, Vec::new()), (3, b"end".to_vec())];
        assert_eq!(pieces, expected);
        // A final line ending ends the last line; it starts no empty one.
        assert_eq!(read_all(b"a\n", Some(b'\n'), 6), [(1, b"a".to_vec())]);
        assert!(read_all(b"", Some(b'\n'), 6).is_empty());
    }

    #[test]
    fn without_a_delimiter_the_whole_input_is_one_piece() {
        assert_eq!(read_all(b"one\ntwo", None, 100), [(7, b"one\ntwo".to_vec())]);
        assert_eq!(read_all(b"one\ntwo", None, 2), [(7, b"on".to_vec())]);
    }
}
