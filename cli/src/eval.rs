//! `saywho eval GOLD`: runs saywho on annotated documents and prints
//! per-label entity scores and per-kind quote scores.

use std::path::PathBuf;

use saywho::eval::{Gold, Scores};

use crate::Failure;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold documents: one JSON object, or JSON Lines of them, with `text`, `entities` and `quotes` (byte offsets;
    /// see examples/gold-example.jsonl).
    gold: PathBuf,
    /// An extra entity lexicon (TSV); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
}

/// Gold documents: one JSON object (on any number of lines) or JSON Lines
/// of them, each checked; an error gives the line where its document starts.
fn read_golds(data: &str) -> Result<Vec<Gold>, (usize, String)> {
    let mut values = serde_json::Deserializer::from_str(data).into_iter::<serde_json::Value>();
    let (mut golds, mut counted, mut line) = (Vec::new(), 0, 1);
    loop {
        let start =
            values.byte_offset() + data[values.byte_offset()..].len() - data[values.byte_offset()..].trim_start().len();
        line += data[counted..start].matches('\n').count();
        counted = start;
        match values.next() {
            None => return Ok(golds),
            Some(Err(e)) => return Err((e.line(), format!("invalid JSON: {e}"))),
            Some(Ok(value)) => golds.push(Gold::from_value(value).map_err(|e| (line, e))?),
        }
    }
}

pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let name = args.gold.display().to_string();
    let data = std::fs::read_to_string(&args.gold).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    let golds = read_golds(&data).map_err(|(line, e)| Failure::Input(format!("{name}:{line}: {e}")))?;
    if golds.is_empty() {
        return Err(Failure::Input(format!("{name}: no gold documents")));
    }
    let extractor = crate::documents::extractor(&args.lexicons)?;
    let gold_has_scare = golds.iter().any(|g| g.quotes.iter().any(|q| q.kind == "scare"));
    let mut scores = Scores::default();
    for gold in &golds {
        scores.add(gold, &extractor.extract(&gold.text), gold_has_scare);
    }
    println!("{} documents", golds.len());
    println!("{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}", "entities", "right", "predicted", "gold", "P", "R", "F1");
    for (label, c) in &scores.entities {
        println!(
            "{label:<8} {:>9} {:>9} {:>9} {:>7.3} {:>7.3} {:>7.3}",
            c.right,
            c.predicted,
            c.gold,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    if !scores.quotes.is_empty() {
        println!("{:<8} {:>9} {:>9} {:>9} {:>9}", "quotes", "gold", "found", "strict", "speaker");
        for (kind, k) in &scores.quotes {
            println!("{kind:<8} {:>9} {:>9} {:>9} {:>9}", k.gold, k.found, k.strict, k.speaker_right);
        }
        let gold: usize = scores.quotes.values().map(|k| k.gold).sum();
        let found: usize = scores.quotes.values().map(|k| k.found).sum();
        let p = if scores.quotes_predicted == 0 {
            0.0
        } else {
            scores.quotes_paired as f64 / scores.quotes_predicted as f64
        };
        let r = if gold == 0 { 0.0 } else { found as f64 / gold as f64 };
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        println!(
            "quotes P={p:.3} R={r:.3} F1={f1:.3} ({} of {} predicted pair with gold)",
            scores.quotes_paired, scores.quotes_predicted
        );
    }
    Ok(())
}
