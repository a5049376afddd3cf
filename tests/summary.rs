//! The month's summary as a scheduler runs it, and the CSV files every
//! command writes, read as a spreadsheet would read them.

mod common;

use common::*;
use std::path::Path;

/// Fictional outlets over March and April 2024: a package pending in March,
/// enacted in April, reported right by two outlets and wrong by one.
const MONTHS: &str = r#"{"id":"m1","outlet":"Lakeside Tribune","published":"2024-03-10","title":"Aid stalled","text":"A $60 billion aid package for Ukraine remains stalled in Congress, the White House said."}
{"id":"m2","outlet":"Valley Courier","published":"2024-03-12","title":"Aid stalled","text":"The $60 billion aid package for Ukraine is still pending in Congress, the White House said."}
{"id":"a1","outlet":"Northgate Herald","published":"2024-04-24","title":"Aid bill signed","text":"President Biden signed into law a package that gives Ukraine $61 billion in aid, the White House said."}
{"id":"a2","outlet":"Lakeside Tribune","published":"2024-04-25","title":"Aid bill signed","text":"The United States approved $61 billion in aid for Ukraine on Wednesday, the White House said."}
{"id":"a3","outlet":"Valley Courier","published":"2024-04-26","title":"Ukraine aid","text":"Congress passed $66 billion in aid for Ukraine this week."}
"#;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_summary_run_twice_writes_the_same_bytes_and_nothing_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), MONTHS).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let summary = || run(&["summary", "--ledger", "led", "--month", "2024-04", "--out", "reports"], dir.path());
    let first = summary();
    assert!(first.status.success(), "{}", stderr(&first));
    let month = dir.path().join("reports/2024-04");
    let before = files(&month);
    let names: Vec<&str> = before.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["figures.svg", "findings.csv", "metrics.csv", "summary.md"]);
    assert!(summary().status.success());
    assert_eq!(files(&month), before, "a second run writes the same bytes");
    let beside: Vec<_> =
        std::fs::read_dir(dir.path().join("reports")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["2024-04"], "no temporary folder is left behind");

    let md = String::from_utf8(before[3].1.clone()).unwrap();
    assert!(md.starts_with("# Aid figures reported in April 2024\n"), "{md}");
    // The enacted package: $61 billion at the month's end, behind it the two
    // outlets that said so, and the outlet that said $66 billion in conflict.
    let enacted = md.lines().find(|l| l.contains("united-states/ukraine/total/enacted")).expect(&md);
    assert!(enacted.contains("$61B"), "{enacted}");
    assert!(enacted.contains("Lakeside Tribune, Northgate Herald"), "{enacted}");
    assert!(md.contains("| conflict | 2024-04-26 | Valley Courier |"), "{md}");
    assert!(md.contains("| Valley Courier | 1 |"), "{md}");
    // March's findings are March's: no finding row published in March.
    let published = |l: &str| l.split('|').nth(2).map(str::trim).unwrap_or("").to_string();
    assert!(!md.lines().any(|l| published(l).starts_with("2024-03")), "{md}");
    let metrics = String::from_utf8(before[2].1.clone()).unwrap();
    let row = metrics.lines().find(|l| l.starts_with("united-states/ukraine/total/enacted,")).expect(&metrics);
    assert!(row.contains(",61000000000,"), "{row}");
}

#[test]
fn a_month_that_is_not_one_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), MONTHS).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["summary", "--ledger", "led", "--month", "2024-13", "--out", "reports"], dir.path());
    assert!(!out.status.success());
    assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("2024-13"));
    assert!(!dir.path().join("reports").exists());
}

/// A spreadsheet runs a cell starting with = + - @ (or a tab or carriage
/// return) as a formula. Text from an article or a feed is untrusted: in
/// every CSV the tool writes it must come out as text.
#[test]
fn text_that_a_spreadsheet_would_run_is_written_as_text_in_every_csv() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = r#"{"id":"h1","outlet":"=HYPERLINK(\"http://evil.example\",\"Wire\")","published":"2024-04-24","title":"@SUM(1)","text":"=HYPERLINK(\"http://evil.example\",\"click\") The United States approved $61 billion in aid for Ukraine, the White House said."}
{"id":"h2","outlet":"+Lakeside","published":"2024-04-25","title":"Aid","text":"-The United States approved $61 billion in aid for Ukraine on Wednesday, the White House said."}
{"id":"h3","outlet":"@Valley","published":"2024-04-26","title":"Aid","text":"Congress passed $66 billion in aid for Ukraine this week."}
"#;
    std::fs::write(dir.path().join("news.jsonl"), hostile).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let summary = run(&["summary", "--ledger", "led", "--month", "2024-04", "--out", "reports"], dir.path());
    assert!(summary.status.success(), "{}", stderr(&summary));
    let mut outputs: Vec<(String, String)> = [
        vec!["extract", "--format", "csv", "news.jsonl"],
        vec!["ledger", "--ledger", "led", "--format", "csv"],
        vec!["reconcile", "--ledger", "led", "--format", "csv"],
        vec!["timeline", "--ledger", "led", "--metric", "united-states/ukraine/total/enacted", "--format", "csv"],
        vec!["compare", "--ledger", "led", "--as-of", "2024-04-30", "--format", "csv"],
    ]
    .into_iter()
    .map(|args| {
        let out = run(&args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        (args[0].to_string(), stdout(&out))
    })
    .collect();
    for name in ["metrics.csv", "findings.csv"] {
        let text = std::fs::read_to_string(dir.path().join("reports/2024-04").join(name)).unwrap();
        outputs.push((format!("summary {name}"), text));
    }
    let mut seen_outlet = false;
    for (what, text) in &outputs {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let runs = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<rust_decimal::Decimal>().is_err());
                assert!(!runs, "{what}: a spreadsheet would run {cell:?}");
                seen_outlet |= cell.starts_with("'=HYPERLINK");
            }
        }
    }
    assert!(seen_outlet, "the hostile text reached the files, escaped");
}
