//! The main job: `aidledger report --out DIR PATH...` on the shipped sample
//! articles, as the README's Quick start runs it.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir` but the ledger, by path, with its bytes.
fn reports(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            if rel == "ledger" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_sample_articles_become_a_report_folder_and_a_rerun_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let articles = project().join("data/articles");
    let report = || run(&["report", "--out", "reports", articles.to_str().unwrap()], dir.path());
    let first = report();
    assert!(first.status.success(), "{}", stderr(&first));
    let out = dir.path().join("reports");
    let files = reports(&out);
    for name in ["index.md", "mentions.csv", "timeline.csv", "findings.csv", "outlets.csv"] {
        assert!(files.get(name).is_some_and(|b| !b.is_empty()), "{name} missing or empty");
    }
    let months: Vec<&str> = files.keys().filter_map(|k| k.strip_suffix("/summary.md")).collect();
    assert!(months.contains(&"2024-04"), "{months:?}");
    for m in &months {
        for f in ["metrics.csv", "findings.csv", "figures.svg"] {
            assert!(files.contains_key(&format!("{m}/{f}")), "{m}/{f}");
        }
    }
    let index = String::from_utf8(files["index.md"].clone()).unwrap();
    for m in &months {
        assert!(index.contains(&format!("({m}/summary.md)")), "index links {m}");
    }
    // The ledger CSV holds every mention the ingest reported.
    let said = stderr(&first);
    let mentions = said.split(" added with ").nth(1).and_then(|s| s.split(' ').next()).unwrap();
    let rows = files["mentions.csv"].iter().filter(|&&b| b == b'\n').count() - 1;
    assert_eq!(rows.to_string(), mentions, "{said}");
    // Nothing half-written is left beside the files.
    assert!(!files.keys().any(|k| k.contains(".partial") || k.contains(".tmp-")), "{:?}", files.keys());

    let second = report();
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stderr(&second).contains(" 0 added"), "the articles are in the ledger once");
    assert_eq!(reports(&out), files, "a rerun writes the same bytes");
}

#[test]
fn an_input_that_fails_is_named_and_the_reports_are_written_anyway() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.jsonl"),
        r#"{"id":"g1","outlet":"Lakeside Tribune","published":"2024-04-25","text":"The United States approved $61 billion in aid for Ukraine."}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.jsonl"), "{not json\n").unwrap();
    let out = run(&["report", "--out", "reports", "good.jsonl", "bad.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.jsonl"), "{}", stderr(&out));
    assert!(dir.path().join("reports/2024-04/summary.md").is_file());
    assert!(dir.path().join("reports/index.md").is_file());
}
