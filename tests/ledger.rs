//! `aidledger ledger` run as a user runs it: filters and formats.

mod common;

use common::*;
use std::fs;
use std::path::Path;

fn ledger_rows(dir: &Path, ledger: &str) -> Vec<serde_json::Value> {
    let out = run(&["ledger", "--ledger", ledger, "--format", "json"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&stdout(&out))
}

#[test]
fn ledger_filters_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let articles = project().join("data/articles");
    assert!(run(&["ingest", "--ledger", "led", articles.to_str().unwrap()], dir.path()).status.success());
    let all = ledger_rows(dir.path(), "led").len();
    let gbp = run(&["ledger", "--ledger", "led", "--currency", "gbp", "--format", "json"], dir.path());
    let gbp = json_lines(&stdout(&gbp));
    assert!(!gbp.is_empty() && gbp.len() < all && gbp.iter().all(|r| r["currency"] == "GBP"));
    let window = run(
        &["ledger", "--ledger", "led", "--from", "2024-01-01", "--to", "2024-03-31", "--format", "json"],
        dir.path(),
    );
    for r in json_lines(&stdout(&window)) {
        let d = r["published"].as_str().unwrap();
        assert!(("2024-01-01"..="2024-03-31").contains(&d), "{d}");
    }
    let csv_out = run(&["ledger", "--ledger", "led", "--donor", "United Kingdom", "--format", "csv"], dir.path());
    let text = stdout(&csv_out);
    assert!(text.starts_with("mention_id,article_id,outlet,published"));
    assert!(text.lines().skip(1).all(|l| l.contains("United Kingdom")));
    let pq = run(&["ledger", "--ledger", "led", "--format", "parquet", "-o", "out.parquet"], dir.path());
    assert!(pq.status.success(), "{}", stderr(&pq));
    assert!(fs::metadata(dir.path().join("out.parquet")).unwrap().len() > 0);
    let bad = run(&["ledger", "--ledger", "led", "--from", "soon"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--from \"soon\" is not a date"));
}
