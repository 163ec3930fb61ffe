//! `saywho._saywho`: the Python extension module of saywho (PyPI package `saywho`).
//!
//! [`Extractor`] wraps the library's extractor; `document` holds the Python classes of its output, `many` the
//! parallel, order-keeping `extract_many`. The Python package around the module (`saywho/`) adds the default
//! extractor, the pandas tables and the spaCy component.

use std::sync::Arc;

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

mod document;
mod many;

use document::{offset_unit, Prepared};

pyo3::create_exception!(
    saywho,
    LexiconError,
    PyValueError,
    "A lexicon line is malformed; the message names the lexicon and the line."
);

/// The library's error as the Python exception a Python user expects, with the library's message.
fn to_py_err(error: saywho::Error) -> PyErr {
    let message = error.to_string();
    match error {
        saywho::Error::Io { source, .. } => match source.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        },
        saywho::Error::Lexicon { .. } => LexiconError::new_err(message),
        _ => PyValueError::new_err(message),
    }
}

/// The text of a Python `str` as UTF-8. A lone surrogate (which UTF-8 cannot hold) becomes `?`, one character for
/// one, so character offsets still index the Python string. Anything but a `str` is a `TypeError`.
fn text_of(text: &Bound<'_, PyAny>) -> PyResult<String> {
    let Ok(string) = text.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!("text must be str, not {}", text.get_type().name()?)));
    };
    match string.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(_) => {
            let bytes = string.call_method1("encode", ("utf-8", "replace"))?;
            Ok(String::from_utf8_lossy(bytes.extract::<&[u8]>()?).into_owned())
        }
    }
}

/// Finds named entities and attributed quotes in English news text.
///
/// Build it once (it compiles the lexicons, which takes a moment) and reuse it; it is safe to share between threads.
///
///     extractor = saywho.Extractor(lexicons=["my-names.tsv"])
///     doc = extractor.extract("“We will not leave,” President Nicolás Maduro said.")
///
/// `lexicons` are paths of user entity lexicons (tab-separated `surface, label, canonical[, id]`, as the bundled
/// ones), which take precedence over the bundled lexicons; `bundled=False` leaves the bundled entity lexicons out.
#[pyclass(frozen, module = "saywho")]
struct Extractor {
    inner: Arc<saywho::Extractor>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (lexicons = None, bundled = true))]
    fn new(py: Python<'_>, lexicons: Option<Vec<std::path::PathBuf>>, bundled: bool) -> PyResult<Extractor> {
        let mut builder = saywho::Extractor::builder().bundled_lexicons(bundled);
        for path in lexicons.unwrap_or_default() {
            builder = builder.lexicon_file(path);
        }
        let inner = py.detach(|| builder.build()).map_err(to_py_err)?;
        Ok(Extractor { inner: Arc::new(inner) })
    }

    /// Finds the entities and quotes of `text` (a `str`) and returns a `Document`.
    ///
    /// Offsets are Python string indexes (`offsets="chars"`, the default: `text[e.start:e.end] == e.text`) or UTF-8
    /// byte offsets (`offsets="bytes"`). The GIL is released while extracting.
    #[pyo3(signature = (text, offsets = "chars"))]
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>, offsets: &str) -> PyResult<Py<document::Document>> {
        let unit = offset_unit(offsets)?;
        let text = text_of(text)?;
        let extractor = &self.inner;
        py.detach(|| Prepared::extract(extractor, &text, unit)).into_py(py)
    }

    /// Extracts every text of `texts` (any iterable of `str`, a generator of millions of texts included) on
    /// `threads` threads (default: all cores), and yields their `Document`s in input order.
    ///
    /// The GIL is released while extracting. At most `read_ahead` texts (default: 32 per thread) are read ahead of
    /// the document last yielded, so memory stays bounded however long the input is. An item that is not a `str`
    /// raises `TypeError`, and an exception raised by `texts` itself propagates, when its turn comes: the documents
    /// of the texts before it are yielded first.
    #[pyo3(signature = (texts, threads = None, offsets = "chars", read_ahead = None))]
    fn extract_many(
        &self,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        offsets: &str,
        read_ahead: Option<usize>,
    ) -> PyResult<many::Documents> {
        let unit = offset_unit(offsets)?;
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, usize::from),
        };
        let read_ahead = match read_ahead {
            Some(0) => return Err(PyValueError::new_err("read_ahead must be at least 1")),
            Some(n) => n,
            None => 32 * threads,
        };
        many::Documents::start(Arc::clone(&self.inner), texts.try_iter()?, unit, threads, read_ahead)
    }

    /// The article page of `text`, as `saywho show` writes it: one self-contained HTML page (inline style and
    /// script, nothing loaded from anywhere) with the entities marked by label and the quotes by speaker, details on
    /// hover, focus or tap, and the list of who said what. `title` heads the page; write it to a file and open that
    /// in a browser. The GIL is released while extracting and rendering.
    #[pyo3(signature = (text, title = "Article"))]
    fn html(&self, py: Python<'_>, text: &Bound<'_, PyAny>, title: &str) -> PyResult<String> {
        let text = text_of(text)?;
        let extractor = &self.inner;
        Ok(py.detach(|| saywho::html::article_page(&extractor.extract(&text), &text, title)))
    }

    /// Heap bytes held by the compiled lexicons and word lists.
    fn memory_usage(&self) -> usize {
        self.inner.memory_usage()
    }

    fn __repr__(&self) -> String {
        format!("Extractor(memory_usage={})", self.inner.memory_usage())
    }
}

/// The extension module; `saywho/__init__.py` re-exports it.
#[pymodule]
fn _saywho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<document::Entity>()?;
    m.add_class::<document::Referent>()?;
    m.add_class::<document::Quote>()?;
    m.add_class::<document::Speaker>()?;
    m.add_class::<document::Span>()?;
    m.add_class::<many::Documents>()?;
    m.add("LexiconError", m.py().get_type::<LexiconError>())?;
    m.add("SCHEMA_VERSION", saywho::SCHEMA_VERSION)?;
    Ok(())
}
