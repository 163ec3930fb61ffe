//! The one error type of the library.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// What can go wrong while building an [`crate::Extractor`] or reading input.
///
/// Extraction itself never fails: [`crate::Extractor::extract`] takes any `&str`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A lexicon line is malformed.
    Lexicon {
        /// The lexicon's name (its file path, or the bundled file name).
        name: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// Input bytes are not UTF-8.
    InvalidUtf8 {
        /// The byte offset of the first invalid sequence.
        offset: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Lexicon { name, line, message } => write!(f, "lexicon {name}, line {line}: {message}"),
            Error::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Turns input bytes into text: the one way bytes enter saywho.
///
/// Strict mode refuses invalid UTF-8 with the offset of the first bad byte.
/// Lossy mode replaces each invalid sequence with U+FFFD (so offsets then
/// refer to the repaired text, which is what the output's `text` fields show).
///
/// ```
/// use saywho::{decode, Error};
/// assert_eq!(decode(b"caf\xc3\xa9", false).unwrap(), "café");
/// assert!(matches!(decode(b"ab\xff", false), Err(Error::InvalidUtf8 { offset: 2 })));
/// assert_eq!(decode(b"ab\xff", true).unwrap(), "ab\u{fffd}");
/// ```
pub fn decode(bytes: &[u8], lossy: bool) -> Result<std::borrow::Cow<'_, str>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.into()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(Error::InvalidUtf8 { offset: e.valid_up_to() }),
    }
}
