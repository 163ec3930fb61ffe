//! `Extractor.extract_many`: texts read from a Python iterator, extracted on worker threads without the GIL, and
//! yielded as documents in input order, with a bounded read-ahead.
//!
//! Only the thread that iterates touches Python: it reads texts (at most `read_ahead` beyond the document it last
//! yielded) and sends them, numbered, to the workers; the workers send back [`Prepared`] documents in any order;
//! the iterating thread waits for the next number with the GIL released, keeps the others until their turn, and
//! turns each into Python objects as it yields it.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use crossbeam_channel::{unbounded, Receiver, Sender};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use saywho::OffsetUnit;

use crate::document::{Document, Prepared};
use crate::text_of;

/// A numbered text for the workers.
struct Job {
    index: u64,
    text: String,
}

/// A worker's answer: the document, or the message of a panic (a bug in saywho, reported rather than hung on).
type Outcome = (u64, Result<Prepared, String>);

/// The iterator `Extractor.extract_many` returns: yields a `Document` per text, in input order.
#[pyclass(module = "saywho", name = "DocumentIterator")]
pub struct Documents {
    /// The texts; `None` once exhausted or failed.
    input: Option<Py<PyIterator>>,
    /// The workers' queue; dropped when the input ends, which stops them.
    jobs: Option<Sender<Job>>,
    results: Receiver<Outcome>,
    /// Documents that came back before their turn.
    early: HashMap<u64, Result<Prepared, String>>,
    /// The number of the next text to read.
    read: u64,
    /// The number of the next document to yield.
    yielded: u64,
    read_ahead: u64,
    /// The error that ended the input, and the number of the text it stands for.
    failure: Option<(u64, PyErr)>,
}

impl Documents {
    /// Starts `threads` workers on the texts of `input`.
    pub fn start(
        extractor: Arc<saywho::Extractor>,
        input: Bound<'_, PyIterator>,
        unit: OffsetUnit,
        threads: usize,
        read_ahead: usize,
    ) -> PyResult<Documents> {
        let (jobs, queue) = unbounded::<Job>();
        let (done, results) = unbounded::<Outcome>();
        for _ in 0..threads {
            let (queue, done, extractor) = (queue.clone(), done.clone(), Arc::clone(&extractor));
            std::thread::Builder::new()
                .name("saywho-extract".into())
                .spawn(move || {
                    for job in queue {
                        let outcome = catch_unwind(AssertUnwindSafe(|| Prepared::extract(&extractor, &job.text, unit)))
                            .map_err(|panic| {
                                let message = panic.downcast_ref::<&str>().map(|s| s.to_string());
                                message.or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default()
                            });
                        if done.send((job.index, outcome)).is_err() {
                            break;
                        }
                    }
                })
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
        }
        Ok(Documents {
            input: Some(input.unbind()),
            jobs: Some(jobs),
            results,
            early: HashMap::new(),
            read: 0,
            yielded: 0,
            read_ahead: read_ahead as u64,
            failure: None,
        })
    }

    /// Reads texts and queues them until `read_ahead` are pending or the input ends.
    fn fill(&mut self, py: Python<'_>) {
        while self.read - self.yielded < self.read_ahead {
            let Some(input) = &self.input else { return };
            let text = match input.bind(py).clone().next() {
                None => Ok(None),
                Some(item) => item.and_then(|item| text_of(&item)).map(Some),
            };
            match text {
                Ok(Some(text)) => {
                    let job = Job { index: self.read, text };
                    // The workers only stop when `jobs` is dropped, so the send cannot fail.
                    let _ = self.jobs.as_ref().map(|jobs| jobs.send(job));
                    self.read += 1;
                }
                Ok(None) => self.end_input(None),
                Err(error) => self.end_input(Some(error)),
            }
        }
    }

    /// The input is exhausted, or failed with `error`: read no more, and let the workers stop when done.
    fn end_input(&mut self, error: Option<PyErr>) {
        self.input = None;
        self.jobs = None;
        self.failure = error.map(|e| (self.read, e));
    }

    /// Waits, with the GIL released, for the document numbered `index`.
    fn wait_for(&mut self, py: Python<'_>, index: u64) -> PyResult<Prepared> {
        loop {
            if let Some(outcome) = self.early.remove(&index) {
                return outcome.map_err(|panic| {
                    PyRuntimeError::new_err(format!("saywho failed on text #{index} (please report it): {panic}"))
                });
            }
            let results = &self.results;
            let received = py.detach(|| {
                let first = results.recv().ok()?;
                Some(std::iter::once(first).chain(results.try_iter()).collect::<Vec<_>>())
            });
            let Some(received) = received else {
                return Err(PyRuntimeError::new_err("saywho's worker threads ended early"));
            };
            self.early.extend(received);
        }
    }
}

#[pymethods]
impl Documents {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<Document>>> {
        self.fill(py);
        if self.yielded == self.read {
            return match self.failure.take() {
                Some((_, error)) => Err(error),
                None => Ok(None),
            };
        }
        let index = self.yielded;
        let prepared = self.wait_for(py, index)?;
        self.yielded += 1;
        prepared.into_py(py).map(Some)
    }
}
