//! Runs examples/spark/saywho_spark.py end to end in Spark local mode, only
//! where `pyspark` is importable and `java` is on PATH (it prints why it
//! skipped otherwise).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

/// Why the test cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    let works = |program: &str, args: &[&str]| {
        Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    };
    if !works("java", &["-version"]) {
        return Some("java is not on PATH".into());
    }
    if !works("python3", &["-c", "import pyspark"]) {
        return Some("python3 cannot import pyspark (pip install pyspark)".into());
    }
    None
}

#[test]
fn saywho_spark_pipes_a_jsonl_corpus_through_saywho() {
    if let Some(why) = missing_prerequisite() {
        println!("skipped: {why}");
        return;
    }
    let dir = std::env::temp_dir().join(format!("saywho-spark-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docs = 120;
    let mut corpus = String::new();
    for i in 0..docs {
        let text = format!("“We will not leave,” President Nicolás Maduro told reporters in Caracas. Item {i}.");
        corpus += &format!("{}\n", json!({"id": i, "source": "spark-test", "text": text}));
        if i == 50 {
            corpus += "{not json\n\n";
        }
    }
    let input = dir.join("corpus.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let output = dir.join("out");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/spark/saywho_spark.py");
    let started = Instant::now();
    let run = Command::new("python3")
        .arg(&script)
        .arg(&input)
        .args(["--saywho", env!("CARGO_BIN_EXE_saywho"), "--partitions", "3", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "saywho_spark.py failed:\n{stderr}");
    println!("saywho_spark.py ran in {:.1} s", started.elapsed().as_secs_f64());
    assert!(stderr.contains(&format!("{} documents (1 errors)", docs + 1)), "{stderr}");

    // Part files in partition order, each line in input order.
    let mut parts: Vec<_> = std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("part-"))
        .collect();
    parts.sort();
    let lines: Vec<Value> = parts
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(lines.len(), docs + 1);
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["error"].as_str().unwrap().contains("invalid JSON"));
    let ids: Vec<u64> = lines.iter().filter_map(|l| l["id"].as_u64()).collect();
    assert_eq!(ids, (0..docs as u64).collect::<Vec<_>>());
    for line in lines.iter().filter(|l| l.get("error").is_none()) {
        assert_eq!(line["source"], json!("spark-test"));
        assert_eq!(line["schema_version"], json!(1));
        assert!(line.get("text").is_none());
        let labels: BTreeSet<&str> =
            line["entities"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap()).collect();
        assert!(labels.contains("PERSON") && labels.contains("GPE"), "{line}");
        assert_eq!(line["quotes"][0]["speaker"]["canonical"], json!("Nicolás Maduro"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
