//! `aidledger fx import` run as a user runs it.

mod common;

use common::*;
use std::fs;

#[test]
fn a_ledger_converts_with_the_rates_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rates.csv"), "Date,USD,GBP,\n2024-02-02,2.0,0.5,\n").unwrap();
    let out = run(&["fx", "import", "--ledger", "led", "rates.csv"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("rates up to 2024-02-02"));
    fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\": \"e\", \"published\": \"2024-02-05\", \"text\": \"It gave \\u00a310 billion.\"}\n",
    )
    .unwrap();
    assert!(run(&["ingest", "--ledger", "led", "a.jsonl"], dir.path()).status.success());
    let out = run(&["ledger", "--ledger", "led", "--format", "json"], dir.path());
    let row = &json_lines(&stdout(&out))[0];
    // £10bn / 0.5 = €20bn; × 2.0 = $40bn.
    assert_eq!((row["amount_eur"].as_str(), row["amount_usd"].as_str()), (Some("20000000000"), Some("40000000000")));
    // The ECB's zip loads as well as its CSV.
    // Inside the test's own folder: `target/` may live elsewhere (CARGO_TARGET_DIR).
    let zip_path = dir.path().join("eurofxref-hist.zip");
    {
        let mut w = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
        w.start_file(
            "eurofxref-hist.csv",
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        std::io::Write::write_all(&mut w, b"Date,USD,GBP,\n2024-02-02,4.0,0.5,\n").unwrap();
        w.finish().unwrap();
    }
    let out = run(&["fx", "import", "--ledger", "led2", zip_path.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run(&["ingest", "--ledger", "led2", "a.jsonl"], dir.path()).status.success());
    let out = run(&["ledger", "--ledger", "led2", "--format", "json"], dir.path());
    assert_eq!(json_lines(&stdout(&out))[0]["amount_usd"].as_str(), Some("80000000000"));
    // A file that is not an ECB history is refused, naming it.
    fs::write(dir.path().join("bad.csv"), "Day,USD\n").unwrap();
    let bad = run(&["fx", "import", "--ledger", "led", "bad.csv"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad.csv:1: not an ECB rates file"), "{}", stderr(&bad));
}
