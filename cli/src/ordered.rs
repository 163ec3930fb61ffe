//! Parallel work with ordered, streamed output.
//!
//! Tasks come from an iterator (on the calling thread), grouped into runs of
//! consecutive tasks of about [`GROUP`] input bytes (so that threads meet
//! once per group, not once per small document), run on worker threads,
//! and their output reaches the writer in task order. A worker does not
//! build a task's whole output: it writes into a [`Sink`] that passes chunks
//! of [`CHUNK`] bytes to the writer over the group's channel of at most
//! [`CHUNKS_PER_GROUP`] chunks. The writer copies the oldest group's chunks
//! to the output as they come; a worker running ahead of the writer blocks
//! when its channel is full. A [`Budget`] bounds the groups in flight by
//! their input bytes, so memory is bounded by the documents in flight, not
//! by their output or the corpus.

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::sync::{Condvar, Mutex};

/// Bytes per chunk of output passed from a worker to the writer.
pub const CHUNK: usize = 64 << 10;
/// Chunks a worker may write ahead of the writer, per group.
pub const CHUNKS_PER_GROUP: usize = 4;
/// Input bytes per group of tasks (a group holds at least one task).
pub const GROUP: usize = 64 << 10;
/// Tasks per group, at most.
const GROUP_TASKS: usize = 256;
/// The input bytes in flight (read, not yet written); one task is always let through.
const BUDGET: usize = 8 << 20;
/// What each task counts against the budget besides its input bytes (so at most 512 small tasks are in flight).
const TASK_COST: usize = BUDGET / 512;

/// A piece of a group's output, as the writer receives it.
struct Chunk<R> {
    bytes: Vec<u8>,
    /// The tasks whose output ends in this chunk: where it ends, and the task's result.
    ends: Vec<(usize, R)>,
    /// Whether this is the group's last chunk.
    last: bool,
}

/// Where a worker writes a group's output: it goes to the writer a chunk at
/// a time (a full chunk, or the group's end), so threads meet once per
/// chunk, not once per small document.
pub struct Sink<R> {
    buf: Vec<u8>,
    ends: Vec<(usize, R)>,
    to_writer: SyncSender<Chunk<R>>,
}

impl<R> Sink<R> {
    fn send(&mut self, last: bool) -> io::Result<()> {
        let chunk = Chunk {
            bytes: std::mem::replace(&mut self.buf, Vec::with_capacity(if last { 0 } else { CHUNK })),
            ends: std::mem::take(&mut self.ends),
            last,
        };
        self.to_writer.send(chunk).map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the writer has stopped"))
    }

    /// Ends a task's output with its result.
    fn done(&mut self, result: R) {
        self.ends.push((self.buf.len(), result));
    }
}

impl<R> Write for Sink<R> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    /// What serializers call, once per small piece: kept as cheap as `Vec`'s.
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.send(false)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A count of input bytes in flight, with waiting for room.
struct Budget {
    /// Bytes in flight, and whether the writer has stopped.
    state: Mutex<(usize, bool)>,
    room: Condvar,
}

impl Budget {
    /// Waits for room for `cost` (always granted when nothing is in flight);
    /// `false` when the writer has stopped.
    fn take(&self, cost: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.1 && state.0 > 0 && state.0 + cost > BUDGET {
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += cost;
        !state.1
    }

    fn give_back(&self, cost: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 -= cost;
        self.room.notify_all();
    }

    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.room.notify_all();
    }
}

/// Runs `work` on every task of `tasks` on `threads` threads, and writes
/// each task's output to `out` in task order, calling `done` with the
/// task's result after its output. `size` gives a task's input bytes. An
/// error from `done` or from writing stops the run (tasks in flight are
/// dropped) and is returned.
///
/// A group is handed on when it is full or the tasks end, so an input that
/// arrives slowly (a pipe) is extracted a group at a time.
pub fn run<T, R, E, W>(
    threads: NonZeroUsize,
    tasks: impl Iterator<Item = T>,
    size: impl Fn(&T) -> usize,
    work: impl Fn(T, &mut Sink<R>) -> R + Sync,
    out: &mut W,
    mut done: impl FnMut(&mut W, R) -> Result<(), E> + Send,
) -> Result<(), E>
where
    T: Send,
    R: Send,
    E: From<io::Error> + Send,
    W: Write + Send,
{
    let budget = Budget { state: Mutex::new((0, false)), room: Condvar::new() };
    let stopped = AtomicBool::new(false);
    let (task_tx, task_rx) = channel::<(Vec<T>, SyncSender<Chunk<R>>)>();
    let task_rx = Mutex::new(task_rx);
    let (order_tx, order_rx) = channel::<(Receiver<Chunk<R>>, usize)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.get() {
            scope.spawn(|| loop {
                let next = task_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((group, to_writer)) = next else { break };
                let mut sink = Sink { buf: Vec::with_capacity(CHUNK), ends: Vec::new(), to_writer };
                for task in group {
                    if stopped.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = work(task, &mut sink);
                    sink.done(result);
                }
                // A send fails only when the writer has stopped, which it reports itself.
                let _ = sink.send(true);
            });
        }
        let writer = scope.spawn(|| {
            let result = write_in_order(order_rx, &budget, out, &mut done);
            stopped.store(true, Ordering::Relaxed);
            budget.close();
            result
        });
        let hand_on = |group: Vec<T>, cost: usize| {
            if !budget.take(cost) {
                return false;
            }
            let (to_writer, from_worker) = sync_channel(CHUNKS_PER_GROUP);
            order_tx.send((from_worker, cost)).is_ok() && task_tx.send((group, to_writer)).is_ok()
        };
        // The group being filled: its tasks, their input bytes, and what they count against the budget.
        let (mut group, mut bytes, mut cost) = (Vec::new(), 0, 0);
        for task in tasks {
            bytes += size(&task);
            cost += size(&task) + TASK_COST;
            group.push(task);
            if bytes >= GROUP || group.len() >= GROUP_TASKS {
                if !hand_on(std::mem::take(&mut group), std::mem::take(&mut cost)) {
                    break;
                }
                bytes = 0;
            }
        }
        if !group.is_empty() {
            hand_on(group, cost);
        }
        drop(task_tx);
        drop(order_tx);
        writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The writer: each group's chunks in task order, each task's result to `done` after its output.
fn write_in_order<R, E: From<io::Error>, W: Write>(
    order: Receiver<(Receiver<Chunk<R>>, usize)>,
    budget: &Budget,
    out: &mut W,
    done: &mut impl FnMut(&mut W, R) -> Result<(), E>,
) -> Result<(), E> {
    for (from_worker, cost) in order {
        loop {
            let chunk = from_worker.recv().map_err(|_| io::Error::other("a worker thread died"))?;
            let mut from = 0;
            for (end, result) in chunk.ends {
                out.write_all(&chunk.bytes[from..end])?;
                done(out, result)?;
                from = end;
            }
            out.write_all(&chunk.bytes[from..])?;
            if chunk.last {
                break;
            }
        }
        budget.give_back(cost);
    }
    Ok(())
}
