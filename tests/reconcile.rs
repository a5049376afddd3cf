//! Reconciliation read from a real ledger: the sample articles ingested,
//! their rows read back as figures and laid on timelines.

mod common;

use aidledger::ledger::query::{query, Filter};
use aidledger::ledger::Ledger;
use aidledger::reconcile::{figures, timeline::DEFAULT_WINDOW_DAYS, timelines};
use common::*;
use std::collections::HashMap;

#[test]
fn ledger_rows_come_back_as_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let articles = project().join("data/articles");
    assert!(run(&["ingest", "--ledger", "led", articles.to_str().unwrap()], dir.path()).status.success());
    // What the ledger command prints is the reference: amounts as decimal
    // strings, dates as ISO dates.
    let out = run(&["ledger", "--ledger", "led", "--format", "json"], dir.path());
    let printed: HashMap<String, serde_json::Value> =
        json_lines(&stdout(&out)).into_iter().map(|r| (r["mention_id"].as_str().unwrap().to_string(), r)).collect();

    let ledger = Ledger::open(&dir.path().join("led")).unwrap();
    let df = query(&ledger, &Filter::default()).unwrap();
    let figs = figures(&df).unwrap();
    assert!(!figs.is_empty(), "the sample articles hold figures");
    assert_eq!(figs.len(), printed.len());
    let same = |json: &serde_json::Value, ours: Option<String>| match json.as_str() {
        // The JSON prints the column's scale; compare as numbers.
        Some(s) => ours.is_some_and(|o| s.parse::<rust_decimal::Decimal>().unwrap().normalize().to_string() == o),
        None => ours.is_none(),
    };
    for f in &figs {
        let row = &printed[&f.mention_id];
        assert!(same(&row["amount"], Some(f.amount.normalize().to_string())), "{} amount", f.mention_id);
        assert!(same(&row["amount_usd"], f.amount_usd.map(|v| v.normalize().to_string())), "{} usd", f.mention_id);
        assert_eq!(row["published"].as_str(), f.published.map(|d| d.to_string()).as_deref(), "{}", f.mention_id);
        assert_eq!(row["surface"].as_str(), Some(f.surface.as_str()));
        assert_eq!(row["metric"].as_str(), Some(f.metric.as_str()));
    }

    // Every figure is on exactly one timeline row; each dated figure with a
    // dollar value sees a consensus that includes at least itself.
    let rows = timelines(&figs, DEFAULT_WINDOW_DAYS);
    assert_eq!(rows.len(), figs.len());
    for r in &rows {
        if r.figure.published.is_some() && r.figure.amount_usd.is_some() {
            let c = r.consensus.as_ref().expect("a dated dollar figure has a consensus");
            assert!(c.support >= 1 && c.support <= c.voices, "{c:?}");
        } else {
            assert!(r.agrees.is_none());
        }
    }
}
