//! `aidledger compact` run as a user runs it: fewer files, the same rows,
//! and a compaction cut short is finished by the next run.

mod common;

use common::*;
use std::fs;
use std::path::Path;

fn rows(dir: &Path) -> Vec<String> {
    let out = run(&["ledger", "--ledger", "led", "--format", "json"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut ids: Vec<String> =
        json_lines(&stdout(&out)).iter().map(|r| r["mention_id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

fn parquet_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir.join("led"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".parquet"))
        .collect();
    v.sort();
    v
}

#[test]
fn compaction_keeps_every_row_once() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["harbor-gazette-2024-03-13.txt", "northline-wire-2024-04-24.txt", "feeds/desk.csv"] {
        let p = project().join("data/articles").join(f);
        assert!(run(&["ingest", "--ledger", "led", p.to_str().unwrap()], dir.path()).status.success());
    }
    assert_eq!(parquet_files(dir.path()).len(), 3);
    let before = rows(dir.path());
    let out = run(&["compact", "--ledger", "led"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("merged 3 files into one"), "{}", stderr(&out));
    assert_eq!(parquet_files(dir.path()).len(), 1);
    assert_eq!(rows(dir.path()), before);
    // Still known: a re-ingest adds nothing.
    let p = project().join("data/articles/harbor-gazette-2024-03-13.txt");
    let again = run(&["ingest", "--ledger", "led", p.to_str().unwrap()], dir.path());
    assert!(stderr(&again).contains("0 added"), "{}", stderr(&again));
    assert_eq!(rows(dir.path()), before);
}

#[test]
fn a_compaction_cut_short_is_finished() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["harbor-gazette-2024-03-13.txt", "northline-wire-2024-04-24.txt"] {
        let p = project().join("data/articles").join(f);
        assert!(run(&["ingest", "--ledger", "led", p.to_str().unwrap()], dir.path()).status.success());
    }
    let before = rows(dir.path());
    let olds = parquet_files(dir.path());
    // As if killed after the merged file was renamed into place but before
    // the old files were removed: the merged file is a copy of both.
    assert!(run(
        &[
            "ledger",
            "--ledger",
            "led",
            "--format",
            "parquet",
            "-o",
            "led/batch-99999999T000000000000-1-compact.parquet"
        ],
        dir.path()
    )
    .status
    .success());
    let mut plan = String::from("batch-99999999T000000000000-1-compact.parquet\n");
    for o in &olds {
        plan.push_str(o);
        plan.push('\n');
    }
    fs::write(dir.path().join("led/_index/compacting.txt"), plan).unwrap();
    // The next run that takes the lock finishes the compaction.
    let p = project().join("data/articles/harbor-gazette-2024-03-13.txt");
    assert!(run(&["ingest", "--ledger", "led", p.to_str().unwrap()], dir.path()).status.success());
    assert_eq!(parquet_files(dir.path()), vec!["batch-99999999T000000000000-1-compact.parquet".to_string()]);
    assert_eq!(rows(dir.path()), before);
    assert!(!dir.path().join("led/_index/compacting.txt").exists());
}

#[test]
fn a_batch_from_before_published_from_reads_and_compacts() {
    use polars::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let first = project().join("data/articles/harbor-gazette-2024-03-13.txt");
    assert!(run(&["ingest", "--ledger", "led", first.to_str().unwrap()], dir.path()).status.success());
    // Rewrite the batch as an older aidledger wrote it: without the column.
    let name = parquet_files(dir.path()).remove(0);
    let path = dir.path().join("led").join(&name);
    let mut df = ParquetReader::new(fs::File::open(&path).unwrap()).finish().unwrap().drop("published_from").unwrap();
    ParquetWriter::new(fs::File::create(&path).unwrap()).finish(&mut df).unwrap();
    let second = project().join("data/articles/northline-wire-2024-04-24.txt");
    assert!(run(&["ingest", "--ledger", "led", second.to_str().unwrap()], dir.path()).status.success());
    let read = |dir: &Path| {
        let out = run(&["ledger", "--ledger", "led", "--format", "json"], dir);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut from: Vec<Option<String>> =
            json_lines(&stdout(&out)).iter().map(|r| r["published_from"].as_str().map(str::to_string)).collect();
        from.sort();
        from.dedup();
        from
    };
    assert_eq!(read(dir.path()), [None, Some("dateline".to_string())]);
    let before = rows(dir.path());
    assert!(run(&["compact", "--ledger", "led"], dir.path()).status.success());
    assert_eq!(rows(dir.path()), before);
    assert_eq!(read(dir.path()), [None, Some("dateline".to_string())]);
}
