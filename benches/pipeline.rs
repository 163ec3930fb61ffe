//! Throughput of each pipeline stage, the aho-corasick floor, `Extractor::new()`,
//! memory, and adversarial inputs.
//!
//! ```text
//! cargo bench --bench pipeline                                  # synthetic corpus (~4 MB, generated)
//! SAYWHO_BENCH_CORPUS=news.jsonl cargo bench --bench pipeline   # any JSONL ("text" field) or text file
//! cargo bench --bench pipeline -- extract                       # only benches whose name matches
//! SAYWHO_BENCH_ADVERSARIAL=0 cargo bench --bench pipeline       # skip the adversarial section
//! SAYWHO_BENCH_ONCE=1 target/release/deps/pipeline-*            # profiling driver: extract the corpus once
//! SAYWHO_BENCH_ADVERSARIAL_CASE=ministry_run:1048576 target/release/deps/pipeline-*  # one adversarial case
//! ```
//!
//! Every stage runs article by article over the whole corpus; one sample is
//! one pass. Each pass checks its result count against an untimed run made
//! before timing, so a faster number can never come from doing less work.
//! Divan prints the time per pass and the throughput in bytes/s and
//! articles ("item")/s. The summary before the table gives `Extractor::new()`
//! time, the lexicons' heap and the peak RSS; the section after it times
//! the adversarial families (`synth::adversarial`) at 1 MB and 8 MB, each
//! as a ratio to news of the same size, in a child process under a time and
//! memory limit (about two minutes in all). Both sides of a ratio are the
//! least CPU time of three runs taken in turn (family, news, family, …), so
//! a busy machine slows both alike and noise does not decide the ratio.

mod common;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher, Divan};

use saywho::unstable::entity::{self, Context, Mention, WordLists};
use saywho::unstable::quote::{self, CueLexicon, Scene};
use saywho::unstable::{bundled, parse_entities, segment, tokenize, Gazetteer, Segments, Token};
use saywho::Extractor;

use common::{synth, Corpus};

static NAMES: LazyLock<synth::Names> = LazyLock::new(synth::Names::bundled);
static CORPUS: LazyLock<Corpus> = LazyLock::new(|| common::load_corpus(&NAMES));
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The pieces of an extractor, built the way `Extractor::new()` builds them,
/// so each stage can be run alone.
struct Parts {
    gazetteer: Gazetteer,
    lists: WordLists,
    cues: CueLexicon,
    /// The floor: one leftmost-longest automaton over the same surfaces.
    floor: AhoCorasick,
}

static PARTS: LazyLock<Parts> = LazyLock::new(|| {
    let mut entries = Vec::new();
    for (name, text) in bundled::ENTITIES {
        entries.extend(parse_entities(name, text).expect("bundled lexicons parse"));
    }
    // The gazetteer's patterns: every surface and its apostrophe variant, first one wins.
    let mut seen = std::collections::HashSet::new();
    let mut patterns = Vec::new();
    for e in &entries {
        let s = e.surface.to_string();
        let mut variants = vec![s.clone()];
        if s.contains('\'') {
            variants.push(s.replace('\'', "’"));
        } else if s.contains('’') {
            variants.push(s.replace('’', "'"));
        }
        for v in variants {
            if seen.insert(v.clone()) {
                patterns.push(v);
            }
        }
    }
    let floor = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("floor automaton");
    Parts {
        gazetteer: Gazetteer::new(entries).expect("bundled gazetteer"),
        lists: WordLists::bundled(),
        cues: CueLexicon::bundled(),
        floor,
    }
});

/// Result counts of an untimed run: what every timed pass must reproduce.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    tokens: usize,
    sentences: usize,
    hits: usize,
    floor: usize,
    mentions: usize,
    found: usize,
    entities: usize,
    quotes: usize,
}

/// Stage inputs, computed once, untimed.
struct Prep {
    tokens: Vec<Vec<Token>>,
    segments: Vec<Segments>,
    mentions: Vec<Vec<Mention<'static>>>,
    counts: Counts,
}

static PREP: LazyLock<Prep> = LazyLock::new(|| {
    let parts = &*PARTS;
    let docs: &'static [String] = &CORPUS.docs;
    let mut counts = Counts::default();
    let mut tokens = Vec::with_capacity(docs.len());
    let mut segments = Vec::with_capacity(docs.len());
    let mut mentions = Vec::with_capacity(docs.len());
    for doc in docs {
        let t = tokenize(doc);
        let s = segment(doc, &t);
        counts.tokens += t.len();
        counts.sentences += s.sentences.len();
        counts.hits += parts.gazetteer.find(doc).len();
        counts.floor += parts.floor.find_iter(doc.as_str()).count();
        let m = run_entities(parts, doc, &t, &s);
        counts.mentions += m.len();
        counts.found += run_quotes(parts, doc, &t, &s, &m);
        tokens.push(t);
        segments.push(s);
        mentions.push(m);
    }
    let (entities, quotes) = extract_counts(&EXTRACTOR, docs);
    counts.entities = entities;
    counts.quotes = quotes;
    Prep { tokens, segments, mentions, counts }
});

fn run_entities<'a>(parts: &Parts, text: &'a str, tokens: &[Token], segments: &Segments) -> Vec<Mention<'a>> {
    let cx = Context { text, tokens, segments, gazetteer: &parts.gazetteer, lists: &parts.lists };
    entity::merge(&cx, entity::candidates(&cx))
}

fn run_quotes(parts: &Parts, text: &str, tokens: &[Token], segments: &Segments, mentions: &[Mention<'_>]) -> usize {
    let scene = Scene::new(text, tokens, segments, mentions, &parts.cues, &parts.lists);
    quote::find(&scene).len()
}

fn extract_counts(extractor: &Extractor, docs: &[String]) -> (usize, usize) {
    docs.iter().fold((0, 0), |(e, q), d| {
        let doc = extractor.extract(d);
        (e + doc.entities.len(), q + doc.quotes.len())
    })
}

/// Bytes and articles per pass, for divan's throughput columns.
fn counted<'a, 'b>(bencher: Bencher<'a, 'b>) -> Bencher<'a, 'b> {
    bencher.counter(BytesCount::new(CORPUS.bytes)).counter(ItemsCount::new(CORPUS.docs.len()))
}

#[divan::bench]
fn s1_tokenize(bencher: Bencher) {
    let want = PREP.counts.tokens;
    counted(bencher).bench(|| {
        let n: usize = CORPUS.docs.iter().map(|d| tokenize(black_box(d)).len()).sum();
        assert_eq!(n, want);
        n
    });
}

#[divan::bench]
fn s2_segment(bencher: Bencher) {
    let prep = &*PREP;
    let want = prep.counts.sentences;
    counted(bencher).bench(|| {
        let n: usize =
            CORPUS.docs.iter().zip(&prep.tokens).map(|(d, t)| segment(black_box(d), t).sentences.len()).sum();
        assert_eq!(n, want);
        n
    });
}

#[divan::bench]
fn s3_gazetteer(bencher: Bencher) {
    let (parts, want) = (&*PARTS, PREP.counts.hits);
    counted(bencher).bench(|| {
        let n: usize = CORPUS.docs.iter().map(|d| parts.gazetteer.find(black_box(d)).len()).sum();
        assert_eq!(n, want);
        n
    });
}

/// The floor: the bare leftmost-longest aho-corasick pass, no boundary checks.
#[divan::bench]
fn s3_gazetteer_floor_aho_corasick(bencher: Bencher) {
    let (parts, want) = (&*PARTS, PREP.counts.floor);
    counted(bencher).bench(|| {
        let n: usize = CORPUS.docs.iter().map(|d| parts.floor.find_iter(black_box(d.as_str())).count()).sum();
        assert_eq!(n, want);
        n
    });
}

/// `entity::rules::candidates` (which runs the gazetteer) + `entity::merge::merge`.
#[divan::bench]
fn s4_entities(bencher: Bencher) {
    let (parts, prep) = (&*PARTS, &*PREP);
    let want = prep.counts.mentions;
    counted(bencher).bench(|| {
        let mut n = 0;
        for (i, d) in CORPUS.docs.iter().enumerate() {
            n += run_entities(parts, black_box(d), &prep.tokens[i], &prep.segments[i]).len();
        }
        assert_eq!(n, want);
        n
    });
}

/// `Scene::new` + `quote::find` (marks, direct, reported, scare quotes).
#[divan::bench]
fn s5_quotes(bencher: Bencher) {
    let (parts, prep) = (&*PARTS, &*PREP);
    let want = prep.counts.found;
    counted(bencher).bench(|| {
        let mut n = 0;
        for (i, d) in CORPUS.docs.iter().enumerate() {
            n += run_quotes(parts, black_box(d), &prep.tokens[i], &prep.segments[i], &prep.mentions[i]);
        }
        assert_eq!(n, want);
        n
    });
}

/// The whole pipeline: `Extractor::extract` (with speaker resolution and the document).
#[divan::bench]
fn s6_extract(bencher: Bencher) {
    let want = (PREP.counts.entities, PREP.counts.quotes);
    let extractor = &*EXTRACTOR;
    counted(bencher).bench(|| {
        let n = extract_counts(extractor, black_box(&CORPUS.docs));
        assert_eq!(n, want);
        n
    });
}

#[divan::bench(sample_count = 10)]
fn s0_extractor_new() -> Extractor {
    Extractor::new()
}

fn main() {
    if let Ok(case) = std::env::var(CASE_VAR) {
        return adversarial_case(&case);
    }
    let corpus = &*CORPUS;
    if std::env::var_os("SAYWHO_BENCH_ONCE").is_some() {
        return profile_once(corpus);
    }
    println!("corpus: {} — {} articles, {:.2} MB", corpus.name, corpus.docs.len(), corpus.mb());

    // Extractor::new(): the first build (cold caches, page faults), then the best of a few.
    common::reset_peak_rss();
    let rss_before = common::proc_status_bytes("VmRSS");
    let t = Instant::now();
    let extractor = Extractor::new();
    let first = t.elapsed();
    let rss_new = common::proc_status_bytes("VmHWM");
    let best = common::fastest(5, Duration::from_secs(3), Extractor::new);
    println!(
        "Extractor::new(): first {:.1} ms, best {:.1} ms (target ≤ 100 ms); memory_usage() {}",
        ms(first),
        ms(best),
        common::mib(Some(extractor.memory_usage()))
    );

    // An untimed run over the corpus, article by article: counts and peak RSS.
    common::reset_peak_rss();
    let t = Instant::now();
    let (entities, quotes) = extract_counts(&extractor, &corpus.docs);
    let once = t.elapsed();
    let rss_peak = common::proc_status_bytes("VmHWM");
    println!(
        "RSS: {} before new(), peak {} after new(), peak {} while extracting the corpus (corpus text {:.1} MB resident; target ≤ 100 MB)",
        common::mib(rss_before),
        common::mib(rss_new),
        common::mib(rss_peak),
        corpus.mb()
    );
    println!(
        "untimed run: {entities} entities, {quotes} quotes in {:.2} s ({:.1} MB/s, {:.0} articles/s)",
        once.as_secs_f64(),
        common::mb_per_s(corpus.bytes, once),
        corpus.docs.len() as f64 / once.as_secs_f64()
    );
    // Floors, so a regression that finds nothing cannot look fast.
    let articles = corpus.docs.len();
    let (min_entities, min_quotes) = if corpus.is_synthetic() { (8 * articles, 4 * articles) } else { (1, 1) };
    assert!(entities >= min_entities, "{entities} entities < floor {min_entities}");
    assert!(quotes >= min_quotes, "{quotes} quotes < floor {min_quotes}");
    drop(extractor);

    Divan::default().sample_count(10).sample_size(1).max_time(Duration::from_secs(10)).config_with_args().main();
    // The timed passes reproduced the untimed counts (checked in every pass).
    assert_eq!((PREP.counts.entities, PREP.counts.quotes), (entities, quotes));

    if std::env::var("SAYWHO_BENCH_ADVERSARIAL").as_deref() != Ok("0") && !filtered() {
        adversarial();
    }
}

/// Whether divan was given a name filter (then skip the adversarial section).
fn filtered() -> bool {
    std::env::args().skip(1).any(|a| !a.starts_with('-'))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The sizes each adversarial family runs at: linear cost keeps the
/// throughput (and the ratio to news) the same at both.
const ADVERSARIAL_SIZES: [usize; 2] = [1 << 20, 8 << 20];
/// A case that takes more CPU time is stopped (`ulimit -t`) and reported far
/// below goal; the wall-clock limit is four times as long, for a loaded machine.
const CASE_LIMIT: [Duration; 2] = [Duration::from_secs(15), Duration::from_secs(40)];
/// The larger size runs only when the smaller one extracted within this
/// much CPU time (news takes about 0.05 s per MB), so a runaway family
/// costs one `CASE_LIMIT[0]`, not eight times more.
const LARGE_AFTER: Duration = Duration::from_secs(1);
/// The JSON document is counted up to this many bytes per input byte
/// (dense linear input writes up to about 100; a name repeated in every
/// mention grows with the square of the input).
const JSON_CAP_PER_BYTE: usize = 256;
/// Address-space limit of a case process: a memory bomb fails there, not on the machine.
const CASE_MEMORY_KIB: u64 = 4 << 20;
/// How many times a case and its news reference are each extracted (the
/// least CPU time counts).
const CASE_RUNS: u32 = 3;
/// A family whose first run takes longer is timed once: it is far below
/// goal, and repeating it would only spend the case's CPU limit (three runs
/// of this length, with news beside them, stay well inside `CASE_LIMIT[0]`,
/// so a slow but finite family is never cut off as a runaway).
const REPEAT_UNDER: Duration = Duration::from_secs(2);
/// The environment variable naming the case a child process runs.
const CASE_VAR: &str = "SAYWHO_BENCH_ADVERSARIAL_CASE";

/// One case's figures, as the child process prints them.
struct CaseResult {
    bytes: usize,
    adversarial: Duration,
    news: Duration,
    entities: usize,
    quotes: usize,
    /// Bytes of the JSON document, `None` past `JSON_CAP_PER_BYTE` per input byte.
    json: Option<usize>,
    peak_rss: Option<usize>,
}

/// Each adversarial family at two sizes against news of the same size, as
/// one document through `Extractor::extract`. Each case runs in a child
/// process (this binary, with `SAYWHO_BENCH_ADVERSARIAL_CASE` set) under a
/// time and memory limit, so a stack overflow, a memory bomb or a
/// quadratic loop is reported as such and the next family still runs.
fn adversarial() {
    println!(
        "\nadversarial families (one document each, a process per case, CPU time; ratio = throughput / news of the same size, goal ≥ 0.5; growth = time per byte at {} MB / at {} MB, linear ≈ 1)",
        ADVERSARIAL_SIZES[1] >> 20,
        ADVERSARIAL_SIZES[0] >> 20
    );
    println!(
        "{:<22} {:>6} {:>9} {:>10} {:>6} {:>7} {:>9} {:>7} {:>8} {:>10}",
        "family", "MB", "MB/s", "news MB/s", "ratio", "growth", "entities", "quotes", "JSON/in", "peak RSS"
    );
    for family in synth::adversarial() {
        let mut small: Option<CaseResult> = None;
        for (i, &size) in ADVERSARIAL_SIZES.iter().enumerate() {
            if i > 0 {
                match &small {
                    Some(r) if r.adversarial <= LARGE_AFTER => {}
                    Some(r) => {
                        println!(
                            "{:<22} {:>6} skipped: {:.1} s at {} MB, linear would be {:.0} s",
                            family.name,
                            size >> 20,
                            r.adversarial.as_secs_f64(),
                            ADVERSARIAL_SIZES[0] >> 20,
                            r.adversarial.as_secs_f64() * (size / ADVERSARIAL_SIZES[0]) as f64
                        );
                        break;
                    }
                    None => break,
                }
            }
            match run_case(family.name, size, CASE_LIMIT[i]) {
                Ok(r) => {
                    let a = common::mb_per_s(r.bytes, r.adversarial);
                    let n = common::mb_per_s(r.bytes, r.news);
                    let growth = small.as_ref().map_or(String::new(), |s| {
                        let per_byte = |c: &CaseResult| c.adversarial.as_secs_f64() / c.bytes as f64;
                        format!("{:.2}", per_byte(&r) / per_byte(s))
                    });
                    let json =
                        r.json.map_or(format!(">{JSON_CAP_PER_BYTE}"), |j| format!("{:.1}", j as f64 / r.bytes as f64));
                    println!(
                        "{:<22} {:>6.2} {a:>9.1} {n:>10.1} {:>6.2} {growth:>7} {:>9} {:>7} {json:>8} {:>10}{}",
                        family.name,
                        r.bytes as f64 / 1e6,
                        a / n,
                        r.entities,
                        r.quotes,
                        common::mib(r.peak_rss),
                        if a / n < 0.5 { "  < goal" } else { "" }
                    );
                    if i == 0 {
                        small = Some(r);
                    }
                }
                Err(why) => {
                    println!("{:<22} {:>6} {why}: far below goal", family.name, size >> 20);
                    break;
                }
            }
        }
    }
}

/// Runs one case in a child process within `limit`; the error says why it
/// gave no figures (killed at the limit, crashed, out of memory).
fn run_case(family: &str, bytes: usize, limit: Duration) -> Result<CaseResult, String> {
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().map_err(|e| format!("no bench binary path: {e}"))?;
    // `sh` sets the memory and CPU limits, then becomes the case process.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {CASE_MEMORY_KIB} && ulimit -t {} && exec \"$0\"", limit.as_secs()))
        .arg(&exe)
        .env(CASE_VAR, format!("{family}:{bytes}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start the case process: {e}"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit * 4 => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("did not finish within {} s of wall time", (limit * 4).as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("lost the case process: {e}")),
        }
    };
    let output = child.wait_with_output().map_err(|e| format!("lost the case output: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !status.success() {
        use std::os::unix::process::ExitStatusExt;
        // At the CPU limit the kernel sends SIGXCPU, or SIGKILL when the soft
        // and hard limits are equal (as `ulimit -t` sets them).
        const SIGKILL: i32 = 9;
        const SIGXCPU: i32 = 24;
        let why = if matches!(status.signal(), Some(SIGXCPU | SIGKILL)) {
            format!("did not finish within {} s of CPU time", limit.as_secs())
        } else if stderr.contains("overflowed its stack") {
            "stack overflow".to_owned()
        } else if stderr.contains("memory allocation") {
            format!("out of memory (limit {} GiB)", CASE_MEMORY_KIB >> 20)
        } else {
            format!("failed ({status}): {}", stderr.lines().last().unwrap_or(""))
        };
        return Err(why);
    }
    let fields: Vec<u128> = stdout
        .lines()
        .find_map(|l| l.strip_prefix("case:"))
        .map(|l| l.split_whitespace().filter_map(|f| f.parse().ok()).collect())
        .unwrap_or_default();
    let &[bytes, adversarial, news, entities, quotes, json, rss] = fields.as_slice() else {
        return Err(format!("unreadable case output {stdout:?}"));
    };
    Ok(CaseResult {
        bytes: bytes as usize,
        adversarial: Duration::from_nanos(adversarial as u64),
        news: Duration::from_nanos(news as u64),
        entities: entities as usize,
        quotes: quotes as usize,
        json: (json > 0).then_some(json as usize),
        peak_rss: (rss > 0).then_some(rss as usize),
    })
}

/// The child process of one adversarial case (`family:bytes`): builds the
/// input and news of the same size, extracts each `CASE_RUNS` times in
/// turn (least CPU time of each), counts its JSON document (0 past the cap) and
/// prints `case: bytes adversarial_ns news_ns entities quotes json peak_rss`.
fn adversarial_case(case: &str) {
    let (name, bytes) = case.rsplit_once(':').expect("family:bytes");
    let bytes: usize = bytes.parse().expect("a byte count");
    let family = synth::adversarial().into_iter().find(|f| f.name == name).expect("a known family");
    let text = (family.build)(&NAMES, common::SEED, bytes);
    let news = synth::news_document(&NAMES, common::SEED, text.len());
    let extractor = Extractor::new();
    let (doc, first) = common::cpu_time_of(|| extractor.extract(&text));
    let (entities, quotes) = (doc.entities.len(), doc.quotes.len());
    let mut json = CountingWriter { written: 0, cap: JSON_CAP_PER_BYTE * text.len() };
    if serde_json::to_writer(&mut json, &doc).is_err() {
        json.written = 0;
    }
    drop(doc);
    // CPU time of this thread, so other jobs on the machine do not move the
    // ratio: each side is the least of `CASE_RUNS` runs (the first, counted
    // one included), news and the family taking turns, so a slow spell of the
    // machine falls on both. A runaway family (past `REPEAT_UNDER`) is timed once.
    let time = |text: &str| common::cpu_time_of(|| extractor.extract(text).entities.len()).1;
    let (mut adversarial, mut reference) = (first, Duration::MAX);
    for run in 1..=CASE_RUNS {
        reference = reference.min(time(&news));
        if run < CASE_RUNS && first <= REPEAT_UNDER {
            adversarial = adversarial.min(time(&text));
        }
    }
    println!(
        "case: {} {} {} {entities} {quotes} {} {}",
        text.len(),
        adversarial.as_nanos(),
        reference.as_nanos(),
        json.written,
        common::proc_status_bytes("VmHWM").unwrap_or(0)
    );
}

/// Counts the bytes written to it, and fails once past `cap`, so an
/// amplified document is measured without being held or written out.
struct CountingWriter {
    written: usize,
    cap: usize,
}

impl std::io::Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written += buf.len();
        if self.written > self.cap {
            return Err(std::io::Error::other("past the cap"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The profiling driver: build the extractor, extract the corpus once.
/// `SAYWHO_BENCH_ONCE=N` stops after N bytes (e.g. `200000` under callgrind).
fn profile_once(corpus: &Corpus) {
    let limit: usize =
        std::env::var("SAYWHO_BENCH_ONCE").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 1).unwrap_or(usize::MAX);
    let t = Instant::now();
    let extractor = Extractor::new();
    let built = t.elapsed();
    let t = Instant::now();
    let (mut bytes, mut articles, mut entities, mut quotes) = (0, 0, 0, 0);
    for d in &corpus.docs {
        if bytes >= limit {
            break;
        }
        let doc = extractor.extract(d);
        entities += doc.entities.len();
        quotes += doc.quotes.len();
        bytes += d.len();
        articles += 1;
    }
    let took = t.elapsed();
    println!(
        "{}: new() {:.1} ms; {articles} articles, {bytes} bytes, {entities} entities, {quotes} quotes in {:.3} s ({:.1} MB/s); peak RSS {}",
        corpus.name,
        ms(built),
        took.as_secs_f64(),
        common::mb_per_s(bytes, took),
        common::mib(common::proc_status_bytes("VmHWM"))
    );
}
