//! The Python classes of a document: `Document`, `Entity`, `Referent`, `Quote`, `Speaker` and `Span`.
//!
//! A document is made in two steps. [`Prepared::extract`] runs the extractor, converts the offsets and copies every
//! text into plain Rust values; it needs no Python and runs with the GIL released, on any thread.
//! [`Prepared::into_py`] then wraps those values in Python objects, which needs the GIL but copies no text.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use saywho::{Excerpt, OffsetUnit, Reference};

/// The offset unit named by the `offsets` argument: `"chars"` (Python string indexes) or `"bytes"` (UTF-8).
pub fn offset_unit(name: &str) -> PyResult<OffsetUnit> {
    match name {
        "chars" => Ok(OffsetUnit::Chars),
        "bytes" => Ok(OffsetUnit::Bytes),
        _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "offsets must be \"chars\" or \"bytes\", not {name:?}"
        ))),
    }
}

/// A confidence as the JSON shows it: `0.9`, not the `0.8999999761581421` of a widened `f32`.
fn confidence(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// A piece of the input text: `text[start:end] == span.text`.
#[pyclass(frozen, module = "saywho", name = "Span")]
pub struct Span {
    /// The offset of the first character (or byte, with `offsets="bytes"`).
    #[pyo3(get)]
    start: usize,
    /// The offset one past the last character (or byte).
    #[pyo3(get)]
    end: usize,
    /// The input at `start:end`.
    #[pyo3(get)]
    text: String,
}

impl Span {
    fn new(excerpt: Excerpt<'_>) -> Span {
        Span { start: excerpt.span.start(), end: excerpt.span.end(), text: excerpt.text.into_owned() }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("text", &self.text)?;
        Ok(dict)
    }
}

#[pymethods]
impl Span {
    /// `{"start", "end", "text"}`, as in the command-line tool's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self) -> String {
        format!("Span(start={}, end={}, text={:?})", self.start, self.end, self.text)
    }
}

/// Who said a quote, or to whom: the phrase as written (a name, a pronoun, a description) and the referent it
/// resolves to.
#[pyclass(frozen, module = "saywho", name = "Speaker")]
pub struct Speaker {
    /// The offset of the first character (or byte, with `offsets="bytes"`).
    #[pyo3(get)]
    start: usize,
    /// The offset one past the last character (or byte).
    #[pyo3(get)]
    end: usize,
    /// The input at `start:end`: `"Marieke de Vries"`, `"she"`, `"analysts"`.
    #[pyo3(get)]
    text: String,
    /// The canonical name of the referent (`"Nicolás Maduro"` for `"he"`), or `None` when it is not clear.
    #[pyo3(get)]
    canonical: Option<String>,
    /// How the phrase was linked to `canonical`: `"name"`, `"pronoun-text"`, `"pronoun-given-name"`,
    /// `"pronoun-salience"`, `"description"` or `"relative"`; `None` when `canonical` is `None`, or when this
    /// version of the library does not say.
    #[pyo3(get)]
    resolved_by: Option<String>,
}

impl Speaker {
    fn new(reference: Reference<'_>) -> Speaker {
        Speaker {
            start: reference.span.start(),
            end: reference.span.end(),
            resolved_by: reference.resolved_by.map(|how| how.as_str().to_owned()),
            text: reference.text.into_owned(),
            canonical: reference.canonical.map(|c| c.into_owned()),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("canonical", &self.canonical)?;
        if let Some(how) = &self.resolved_by {
            dict.set_item("resolved_by", how)?;
        }
        Ok(dict)
    }
}

#[pymethods]
impl Speaker {
    /// `{"start", "end", "text", "canonical"}` and, where known, `"resolved_by"`, as in the command-line tool's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self) -> String {
        let canonical = self.canonical.as_ref().map_or("None".to_owned(), |c| format!("{c:?}"));
        format!("Speaker(start={}, end={}, text={:?}, canonical={canonical})", self.start, self.end, self.text)
    }
}

/// One mention of a named entity.
#[pyclass(frozen, module = "saywho", name = "Entity")]
pub struct Entity {
    /// The offset of the first character (or byte, with `offsets="bytes"`).
    #[pyo3(get)]
    start: usize,
    /// The offset one past the last character (or byte).
    #[pyo3(get)]
    end: usize,
    /// The input at `start:end` (a possessive `'s` is not part of it).
    #[pyo3(get)]
    text: String,
    /// `"PERSON"`, `"ORG"`, `"GPE"` (countries, states, cities), `"LOC"` (regions, seas) or `"NORP"` (nationalities,
    /// religious and political groups).
    #[pyo3(get)]
    label: &'static str,
    /// The name of the referent this mention belongs to: `"Donald Trump"` for `"Trump"`.
    #[pyo3(get)]
    canonical: String,
    /// A person's title as written before the name (`"Senator"`), not part of the span; or `None`.
    #[pyo3(get)]
    title: Option<String>,
    /// A stable id from the lexicon (`"ISO3166:VE"`), or `None`.
    #[pyo3(get)]
    id: Option<String>,
}

impl Entity {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("label", self.label)?;
        dict.set_item("canonical", &self.canonical)?;
        if let Some(title) = &self.title {
            dict.set_item("title", title)?;
        }
        if let Some(id) = &self.id {
            dict.set_item("id", id)?;
        }
        Ok(dict)
    }
}

#[pymethods]
impl Entity {
    /// `{"start", "end", "text", "label", "canonical"}` and, where known, `"title"` and `"id"`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity(start={}, end={}, text={:?}, label={:?}, canonical={:?})",
            self.start, self.end, self.text, self.label, self.canonical
        )
    }
}

/// A distinct entity of the document, with how often it is mentioned and quoted.
#[pyclass(frozen, module = "saywho", name = "Referent")]
pub struct Referent {
    /// The referent's name, shared by all its mentions.
    #[pyo3(get)]
    canonical: String,
    /// The entity type, as in `Entity.label`.
    #[pyo3(get)]
    label: &'static str,
    /// How many entity mentions it has.
    #[pyo3(get)]
    mentions: usize,
    /// How many quotes it is the speaker of.
    #[pyo3(get)]
    quotes: usize,
    /// A stable id from the lexicon, or `None`.
    #[pyo3(get)]
    id: Option<String>,
}

impl Referent {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("canonical", &self.canonical)?;
        dict.set_item("label", self.label)?;
        dict.set_item("mentions", self.mentions)?;
        dict.set_item("quotes", self.quotes)?;
        if let Some(id) = &self.id {
            dict.set_item("id", id)?;
        }
        Ok(dict)
    }
}

#[pymethods]
impl Referent {
    /// `{"canonical", "label", "mentions", "quotes"}` and, where known, `"id"`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Referent(canonical={:?}, label={:?}, mentions={}, quotes={})",
            self.canonical, self.label, self.mentions, self.quotes
        )
    }
}

/// One piece of reported speech.
#[pyclass(frozen, module = "saywho", name = "Quote")]
pub struct Quote {
    kind: String,
    start: usize,
    end: usize,
    content: Py<Span>,
    parts: Vec<Py<Span>>,
    fragments: Vec<Py<Span>>,
    speaker: Option<Py<Speaker>>,
    cue: Option<Py<Span>>,
    addressee: Option<Py<Speaker>>,
    confidence: f64,
    rule: String,
}

fn span_list<'py>(py: Python<'py>, spans: &[Py<Span>]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, spans.iter().map(|s| s.clone_ref(py)))
}

#[pymethods]
impl Quote {
    /// `"direct"` (all words in quote marks), `"mixed"` (reported speech with quoted words), `"indirect"` (no quote
    /// marks) or `"scare"` (quote marks around a term nobody is reported as saying).
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// Direct and scare quotes: where the quote starts, marks included. Indirect and mixed speech: the first of
    /// speaker, cue and content.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// One past the end of the quote (its closing mark, or the last of speaker, cue and content).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The reported words, without the outer quote marks.
    #[getter]
    fn content(&self, py: Python<'_>) -> Py<Span> {
        self.content.clone_ref(py)
    }

    /// The quote's own words piece by piece when its attribution interrupts it (`"A," he said. "B."`), else empty;
    /// `content` then runs from the first piece to the last, attribution included.
    #[getter]
    fn parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        span_list(py, &self.parts)
    }

    /// The quoted fragments inside mixed speech, else empty.
    #[getter]
    fn fragments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        span_list(py, &self.fragments)
    }

    /// The reported words without the attribution: `parts` when there are some, else `[content]`.
    #[getter]
    fn words<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        if self.parts.is_empty() {
            span_list(py, std::slice::from_ref(&self.content))
        } else {
            span_list(py, &self.parts)
        }
    }

    /// Who said it, or `None` when nobody is named.
    #[getter]
    fn speaker(&self, py: Python<'_>) -> Option<Py<Speaker>> {
        self.speaker.as_ref().map(|s| s.clone_ref(py))
    }

    /// The speech verb or phrase (`"said"`, `"according to"`), or `None`.
    #[getter]
    fn cue(&self, py: Python<'_>) -> Option<Py<Span>> {
        self.cue.as_ref().map(|s| s.clone_ref(py))
    }

    /// Whom it was said to, where stated (`told Maduro`), or `None`.
    #[getter]
    fn addressee(&self, py: Python<'_>) -> Option<Py<Speaker>> {
        self.addressee.as_ref().map(|s| s.clone_ref(py))
    }

    /// How sure the rule is, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The stable id of the rule that found and attributed the quote (`"direct-cue-after"`).
    #[getter]
    fn rule(&self) -> &str {
        &self.rule
    }

    /// The quote as in the command-line tool's JSON: `kind`, `start`, `end`, `content`, `parts` and `fragments`
    /// (only when not empty), `speaker`, `cue`, `addressee`, `confidence`, `rule`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("kind", &self.kind)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("content", self.content.get().dict(py)?)?;
        let spans = |spans: &[Py<Span>]| -> PyResult<Bound<'py, PyList>> {
            PyList::new(py, spans.iter().map(|s| s.get().dict(py)).collect::<PyResult<Vec<_>>>()?)
        };
        if !self.parts.is_empty() {
            dict.set_item("parts", spans(&self.parts)?)?;
        }
        if !self.fragments.is_empty() {
            dict.set_item("fragments", spans(&self.fragments)?)?;
        }
        dict.set_item("speaker", self.speaker.as_ref().map(|s| s.get().dict(py)).transpose()?)?;
        dict.set_item("cue", self.cue.as_ref().map(|s| s.get().dict(py)).transpose()?)?;
        dict.set_item("addressee", self.addressee.as_ref().map(|s| s.get().dict(py)).transpose()?)?;
        dict.set_item("confidence", self.confidence)?;
        dict.set_item("rule", &self.rule)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let content = &self.content.get().text;
        let speaker = self.speaker.as_ref().map_or("None".to_owned(), |s| format!("{:?}", s.get().text));
        format!("Quote(kind={:?}, content={content:?}, speaker={speaker}, rule={:?})", self.kind, self.rule)
    }
}

/// Everything saywho found in one text: `entities`, `referents` and `quotes`.
#[pyclass(frozen, module = "saywho", name = "Document")]
pub struct Document {
    offsets: &'static str,
    entities: Py<PyList>,
    referents: Py<PyList>,
    quotes: Py<PyList>,
}

#[pymethods]
impl Document {
    /// The unit of every offset in the document: `"chars"` (Python string indexes) or `"bytes"` (UTF-8).
    #[getter]
    fn offsets(&self) -> &str {
        self.offsets
    }

    /// Every entity mention (`Entity`), in text order, never overlapping.
    #[getter]
    fn entities(&self, py: Python<'_>) -> Py<PyList> {
        self.entities.clone_ref(py)
    }

    /// The distinct referents (`Referent`), in order of first mention.
    #[getter]
    fn referents(&self, py: Python<'_>) -> Py<PyList> {
        self.referents.clone_ref(py)
    }

    /// Every piece of reported speech (`Quote`), in order of start.
    #[getter]
    fn quotes(&self, py: Python<'_>) -> Py<PyList> {
        self.quotes.clone_ref(py)
    }

    /// The document as in the command-line tool's JSON (`schema_version`, `offsets`, `entities`, `referents`,
    /// `quotes`), ready for `json.dumps`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("schema_version", saywho::SCHEMA_VERSION)?;
        dict.set_item("offsets", self.offsets)?;
        for (key, list) in [("entities", &self.entities), ("referents", &self.referents), ("quotes", &self.quotes)] {
            let dicts = list.bind(py).iter().map(|item| item.call_method0("to_dict")).collect::<PyResult<Vec<_>>>()?;
            dict.set_item(key, PyList::new(py, dicts)?)?;
        }
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Document({} entities, {} referents, {} quotes, offsets={:?})",
            self.entities.bind(py).len(),
            self.referents.bind(py).len(),
            self.quotes.bind(py).len(),
            self.offsets
        )
    }
}

/// A quote whose parts are not Python objects yet.
struct PreparedQuote {
    kind: String,
    start: usize,
    end: usize,
    content: Span,
    parts: Vec<Span>,
    fragments: Vec<Span>,
    speaker: Option<Speaker>,
    cue: Option<Span>,
    addressee: Option<Speaker>,
    confidence: f64,
    rule: String,
}

/// A document as plain Rust values, ready to become Python objects.
pub struct Prepared {
    offsets: OffsetUnit,
    entities: Vec<Entity>,
    referents: Vec<Referent>,
    quotes: Vec<PreparedQuote>,
}

impl Prepared {
    /// Extracts `text` with offsets in `unit`. Needs no Python: call it with the GIL released.
    pub fn extract(extractor: &saywho::Extractor, text: &str, unit: OffsetUnit) -> Prepared {
        let mut doc = extractor.extract(text);
        doc.convert_offsets(text, unit);
        let spans = |excerpts: Vec<Excerpt<'_>>| excerpts.into_iter().map(Span::new).collect();
        Prepared {
            offsets: doc.offsets,
            entities: doc
                .entities
                .into_iter()
                .map(|e| Entity {
                    start: e.span.start(),
                    end: e.span.end(),
                    text: e.text.into_owned(),
                    label: e.label.as_str(),
                    canonical: e.canonical.into_owned(),
                    title: e.title.map(|t| t.into_owned()),
                    id: e.id.map(|i| i.into_owned()),
                })
                .collect(),
            referents: doc
                .referents
                .into_iter()
                .map(|r| Referent {
                    canonical: r.canonical.into_owned(),
                    label: r.label.as_str(),
                    mentions: r.mentions,
                    quotes: r.quotes,
                    id: r.id.map(|i| i.into_owned()),
                })
                .collect(),
            quotes: doc
                .quotes
                .into_iter()
                .map(|q| PreparedQuote {
                    kind: q.kind.as_str().to_owned(),
                    start: q.span.start(),
                    end: q.span.end(),
                    content: Span::new(q.content),
                    parts: spans(q.parts),
                    fragments: spans(q.fragments),
                    speaker: q.speaker.map(Speaker::new),
                    cue: q.cue.map(Span::new),
                    addressee: q.addressee.map(Speaker::new),
                    confidence: confidence(q.confidence),
                    rule: q.rule.into_owned(),
                })
                .collect(),
        }
    }

    /// The Python `Document`.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Py<Document>> {
        let list = |items: Vec<Py<PyAny>>| PyList::new(py, items).map(Bound::unbind);
        let objects = |items: Vec<Span>| items.into_iter().map(|s| Py::new(py, s)).collect::<PyResult<Vec<_>>>();
        let entities = self.entities.into_iter().map(|e| Ok(Py::new(py, e)?.into_any())).collect::<PyResult<_>>()?;
        let referents = self.referents.into_iter().map(|r| Ok(Py::new(py, r)?.into_any())).collect::<PyResult<_>>()?;
        let quotes = self
            .quotes
            .into_iter()
            .map(|q| {
                let quote = Quote {
                    kind: q.kind,
                    start: q.start,
                    end: q.end,
                    content: Py::new(py, q.content)?,
                    parts: objects(q.parts)?,
                    fragments: objects(q.fragments)?,
                    speaker: q.speaker.map(|s| Py::new(py, s)).transpose()?,
                    cue: q.cue.map(|s| Py::new(py, s)).transpose()?,
                    addressee: q.addressee.map(|s| Py::new(py, s)).transpose()?,
                    confidence: q.confidence,
                    rule: q.rule,
                };
                Ok(Py::new(py, quote)?.into_any())
            })
            .collect::<PyResult<_>>()?;
        let doc = Document {
            offsets: self.offsets.as_str(),
            entities: list(entities)?,
            referents: list(referents)?,
            quotes: list(quotes)?,
        };
        Py::new(py, doc)
    }
}
