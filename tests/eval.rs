//! `aidledger eval` run as a user runs it, and checked against the
//! project's reference scorer when the measurement data is beside it.

mod common;

use common::*;
use std::fs;
use std::process::Command;

const GOLD: &str = concat!(
    "{\"id\": \"g1\", \"outlet\": \"A\", \"text\": \"It gave $5 billion and 7 million people fled.\", \"mentions\": [",
    "{\"start\": 8, \"end\": 18, \"surface\": \"$5 billion\", \"value\": \"5000000000\", \"value_max\": null, \"currency\": \"USD\", \"qualifier\": \"exact\"}]}\n",
    "{\"id\": \"g2\", \"outlet\": \"B\", \"text\": \"Aid was \\u20ac3bn, a figure some read as 3 billion.\", \"mentions\": [",
    "{\"start\": 8, \"end\": 12, \"surface\": \"\\u20ac3bn\", \"value\": \"3000000000\", \"value_max\": null, \"currency\": \"GBP\", \"qualifier\": \"exact\"},",
    "{\"start\": 39, \"end\": 48, \"surface\": \"3 billion\", \"value\": \"3000000000\", \"value_max\": null, \"currency\": \"EUR\", \"qualifier\": \"exact\"}]}\n",
);

#[test]
fn prints_scores_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("gold.jsonl"), GOLD).unwrap();
    let out = run(&["eval", "--gold", "gold.jsonl", "--errors"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // g1 is found and read right; in g2 the euro figure is gold-labelled GBP
    // (a misread by the gold's rules), and "3 billion" after it continues the euros.
    assert!(text.contains("[all] docs 2  gold 3  pred 3"), "{text}");
    assert!(text.contains("figure  P 0.667  R 0.667  F1 0.667"), "{text}");
    assert!(text.contains("g2\tmisread\tgold 3000000000 GBP\tpred 3000000000 EUR\tAid was [€3bn]"), "{text}");
    let by = run(&["eval", "--gold", "gold.jsonl", "--by", "outlet"], dir.path());
    let text = stdout(&by);
    assert!(text.contains("[A] docs 1") && text.contains("[B] docs 1"), "{text}");
}

#[test]
fn a_bad_gold_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("gold.jsonl"), "{\"id\": 1, \"text\": \"x\"}\nnope\n").unwrap();
    let out = run(&["eval", "--gold", "gold.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gold.jsonl:2: not JSON"), "{}", stderr(&out));
}

#[test]
fn same_numbers_as_the_reference_scorer() {
    let Some(shared) = shared("comparing with score.py") else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        skip("comparing with score.py needs python3");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gold = shared.join("corpus/dev.jsonl");
    let pred = dir.path().join("pred.jsonl");
    let ours = run(&["eval", "--gold", gold.to_str().unwrap()], dir.path());
    let extracted = run(&["extract", "--format", "jsonl", gold.to_str().unwrap()], dir.path());
    fs::write(&pred, &extracted.stdout).unwrap();
    let reference = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(&gold)
        .arg(&pred)
        .arg("--quantities")
        .output()
        .unwrap();
    assert!(reference.status.success(), "{}", stderr(&reference));
    // The whole report, context and metric lines included, is the same text.
    assert!(stdout(&ours).contains("  metric  pairs P "), "{}", stdout(&ours));
    assert_eq!(stdout(&ours), stdout(&reference));
}
