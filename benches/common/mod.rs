//! Corpus loading, memory and timing helpers for the benchmarks.

#![allow(dead_code)]

pub mod synth;

use std::time::{Duration, Instant};

/// The seed of the synthetic corpus (change it and every number moves).
pub const SEED: u64 = 0x5A7_3140;
/// Size of the synthetic corpus.
pub const SYNTH_BYTES: usize = 4 << 20;

/// The documents a benchmark runs over.
pub struct Corpus {
    /// Where it came from, for the report.
    pub name: String,
    pub docs: Vec<String>,
    pub bytes: usize,
}

impl Corpus {
    fn new(name: String, docs: Vec<String>) -> Corpus {
        let bytes = docs.iter().map(String::len).sum();
        Corpus { name, docs, bytes }
    }

    pub fn is_synthetic(&self) -> bool {
        self.name.starts_with("synthetic")
    }

    pub fn mb(&self) -> f64 {
        self.bytes as f64 / 1e6
    }
}

/// `SAYWHO_BENCH_CORPUS=path` (JSONL with a `"text"` field per line, or a
/// plain text file taken as one document), else the synthetic corpus.
pub fn load_corpus(names: &synth::Names) -> Corpus {
    match std::env::var_os("SAYWHO_BENCH_CORPUS") {
        Some(path) => {
            let path = std::path::PathBuf::from(path);
            let raw = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("SAYWHO_BENCH_CORPUS={}: {e}", path.display()));
            let jsonl = raw.trim_start().starts_with('{');
            let docs: Vec<String> = if jsonl {
                raw.lines()
                    .filter(|l| !l.trim().is_empty())
                    .enumerate()
                    .map(|(i, l)| {
                        let v: serde_json::Value = serde_json::from_str(l)
                            .unwrap_or_else(|e| panic!("{}: line {}: {e}", path.display(), i + 1));
                        v.get("text")
                            .and_then(|t| t.as_str())
                            .unwrap_or_else(|| panic!("{}: line {}: no \"text\" string", path.display(), i + 1))
                            .to_owned()
                    })
                    .collect()
            } else {
                vec![raw]
            };
            Corpus::new(path.display().to_string(), docs)
        }
        None => Corpus::new(format!("synthetic (seed {SEED:#x})"), synth::corpus(names, SEED, SYNTH_BYTES)),
    }
}

/// A field of /proc/self/status in bytes (`VmHWM`, `VmRSS`), if readable.
pub fn proc_status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line[field.len() + 1..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}

/// Resets the peak RSS (VmHWM) to the current RSS, where Linux allows it.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

pub fn mib(bytes: Option<usize>) -> String {
    bytes.map_or("n/a".into(), |b| format!("{:.1} MiB", b as f64 / (1 << 20) as f64))
}

/// CPU time this thread has run (`/proc/thread-self/schedstat`, in ns), if
/// readable: unlike the wall clock it does not count time spent waiting for
/// a core, so it stays steady on a machine shared with other jobs.
pub fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
}

/// `f()` and the CPU time it took on this thread (the wall clock where CPU
/// time is unreadable).
pub fn cpu_time_of<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let (t, cpu) = (Instant::now(), thread_cpu_time());
    let out = std::hint::black_box(f());
    let took = match (cpu, thread_cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => t.elapsed(),
    };
    (out, took)
}

/// The fastest of `runs` timed calls (at least one), stopping early once
/// `budget` is spent.
pub fn fastest<T>(runs: usize, budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let started = Instant::now();
    let mut best = Duration::MAX;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed());
        if started.elapsed() > budget {
            break;
        }
    }
    best
}

pub fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}
