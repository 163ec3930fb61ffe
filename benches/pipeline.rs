//! Throughput of each pipeline stage, the aho-corasick floor, `Extractor::new()`,
//! memory, and adversarial inputs.
//!
//! ```text
//! cargo bench --bench pipeline                                  # synthetic corpus (~4 MB, generated)
//! SAYWHO_BENCH_CORPUS=news.jsonl cargo bench --bench pipeline   # any JSONL ("text" field) or text file
//! cargo bench --bench pipeline -- extract                       # only benches whose name matches
//! SAYWHO_BENCH_ADVERSARIAL=0 cargo bench --bench pipeline       # skip the adversarial section
//! SAYWHO_BENCH_ONCE=1 target/release/deps/pipeline-*            # profiling driver: extract the corpus once
//! ```
//!
//! Every stage runs article by article over the whole corpus; one sample is
//! one pass. Each pass checks its result count against an untimed run made
//! before timing, so a faster number can never come from doing less work.
//! Divan prints the time per pass and the throughput in bytes/s and
//! articles ("item")/s. The summary before the table gives `Extractor::new()`
//! time, the lexicons' heap and the peak RSS; the section after it the
//! adversarial inputs' throughput as a ratio to news of the same size.

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

/// Each adversarial input against news of the same size, both as one
/// document through `Extractor::extract`, each on a watchdog.
fn adversarial() {
    const LIMIT: Duration = Duration::from_secs(60);
    println!("\nadversarial inputs (one document each; ratio = throughput / news of the same size; goal ≥ 0.5)");
    println!(
        "{:<24} {:>9} {:>10} {:>10} {:>7} {:>9} {:>7}",
        "input", "MB", "MB/s", "news MB/s", "ratio", "entities", "quotes"
    );
    let inputs = synth::adversarial(&NAMES, common::SEED);
    let mut timed_out = false;
    for (name, text) in inputs {
        let news = synth::news_document(&NAMES, common::SEED, text.len());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let extractor = &*EXTRACTOR;
            let runs = if text.len() > 4 << 20 { 2 } else { 3 };
            let counts = {
                let doc = extractor.extract(&text);
                (doc.entities.len(), doc.quotes.len())
            };
            let adv = common::fastest(runs, Duration::from_secs(20), || extractor.extract(&text).entities.len());
            let reference = common::fastest(runs, Duration::from_secs(20), || extractor.extract(&news).entities.len());
            let _ = tx.send((text.len(), adv, news.len(), reference, counts));
        });
        match rx.recv_timeout(LIMIT * 3) {
            Ok((len, adv, news_len, reference, (e, q))) => {
                let a = common::mb_per_s(len, adv);
                let n = common::mb_per_s(news_len, reference);
                println!(
                    "{name:<24} {:>9.2} {a:>10.1} {n:>10.1} {:>7.2} {e:>9} {q:>7}{}",
                    len as f64 / 1e6,
                    a / n,
                    if a / n < 0.5 { "  < goal" } else { "" }
                );
            }
            Err(_) => {
                println!("{name:<24} did not finish within {} s: far below goal", (LIMIT * 3).as_secs());
                timed_out = true;
            }
        }
    }
    common::reset_peak_rss();
    println!("peak RSS at exit: {}", common::mib(common::proc_status_bytes("VmHWM")));
    if timed_out {
        // A runaway extraction thread cannot be stopped; end the process.
        std::process::exit(0);
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
