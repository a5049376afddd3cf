//! Reconciliation read from a real ledger: the sample articles ingested,
//! their rows read back as figures and laid on timelines.

mod common;

use aidledger::labels::MetricKey;
use aidledger::ledger::Ledger;
use aidledger::reconcile::{figures, load, timeline::DEFAULT_WINDOW_DAYS, timelines};
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
    let frame = load(&ledger, None).unwrap();
    let figs = figures(&frame.kept, frame.read_once).unwrap();
    assert!(!figs.is_empty(), "the sample articles hold figures");
    assert_eq!(figs.len(), printed.len());
    let same = |json: &serde_json::Value, ours: Option<String>| match json.as_str() {
        // The JSON prints the column's scale; compare as numbers.
        Some(s) => ours.is_some_and(|o| s.parse::<rust_decimal::Decimal>().unwrap().normalize().to_string() == o),
        None => ours.is_none(),
    };
    for f in &figs {
        let row = &printed[f.mention_id];
        assert!(same(&row["amount"], Some(f.amount.normalize().to_string())), "{} amount", f.mention_id);
        assert!(same(&row["amount_usd"], f.amount_usd.map(|v| v.normalize().to_string())), "{} usd", f.mention_id);
        assert_eq!(row["published"].as_str(), f.published.map(|d| d.to_string()).as_deref(), "{}", f.mention_id);
        assert_eq!(row["outlet"].as_str(), f.outlet, "{}", f.mention_id);
        // A figure is compared within its metric less a package's size.
        assert_eq!(row["metric"].as_str().map(MetricKey::compared_as), Some(f.metric));
    }

    // Every figure is on exactly one timeline row; each dated figure with a
    // dollar value sees a consensus that includes at least itself.
    let lines = timelines(figs.clone(), DEFAULT_WINDOW_DAYS);
    let rows: Vec<_> = lines.iter().flat_map(|t| t.rows()).collect();
    assert_eq!(rows.len(), figs.len());
    for r in rows {
        if r.figure.published.is_some() && r.figure.amount_usd.is_some() {
            let c = r.consensus.as_ref().expect("a dated dollar figure has a consensus");
            assert!(c.support >= 1 && c.support <= c.voices, "{c:?}");
        } else {
            assert!(r.agrees.is_none());
        }
    }
}

/// Fictional outlets over two months: a pending package, its enactment
/// reported right by two outlets, rounded wrong by one, put in euros by
/// another, and once without a date.
const SCENARIO: &str = r#"{"id":"n1","outlet":"Northgate Herald","published":"2024-04-24","title":"Aid bill signed","text":"President Biden signed into law a package that gives Ukraine $61 billion in aid, the White House said."}
{"id":"n2","outlet":"Lakeside Tribune","published":"2024-04-25","title":"Aid bill signed","text":"The United States approved $61 billion in aid for Ukraine on Wednesday, the White House said."}
{"id":"n3","outlet":"Valley Courier","published":"2024-04-26","title":"Ukraine aid","text":"Congress passed $60 billion in aid for Ukraine this week."}
{"id":"n4","outlet":"Harbor Post","published":"2024-04-27","title":"Ukraine aid","text":"The United States approved €61 billion in aid for Ukraine on Wednesday, the White House said."}
{"id":"n5","outlet":"Lakeside Tribune","published":"2024-03-10","title":"Aid stalled","text":"A $60 billion aid package for Ukraine remains stalled in Congress, the White House said."}
{"id":"n6","outlet":"Undated Weekly","title":"Ukraine aid","text":"The United States approved $61 billion in aid for Ukraine, the White House said."}
"#;

#[test]
fn reconcile_names_each_disagreement_of_a_scenario() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), SCENARIO).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let found = json_lines(&stdout(&out));
    let mut pairs: Vec<(String, String)> = found
        .iter()
        .map(|f| (f["finding"].as_str().unwrap().to_string(), f["article_id"].as_str().unwrap_or("").to_string()))
        .collect();
    pairs.sort();
    let want = [
        ("conflict", "n3"),
        ("conflict", "n4"),
        ("currency_mislabel", "n4"),
        ("transition", "n1"),
        ("undated", "n6"),
        ("unsourced", "n3"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(pairs, want, "{found:#?}");
    // $60 billion against a consensus of $61 billion: -1.64 %, the amounts
    // as plain decimal strings.
    let n3 = found.iter().find(|f| f["finding"] == "conflict" && f["article_id"] == "n3").unwrap();
    assert_eq!(n3["consensus_usd"], "61000000000");
    assert_eq!(n3["deviation_pct"], "-1.64");
    let transition = found.iter().find(|f| f["finding"] == "transition").unwrap();
    assert!(transition["related_mention_id"].as_str().unwrap().starts_with("n5:"), "{transition}");

    // In CSV the deviation stays a number (no formula escape on our numbers),
    // and a date range narrows the findings, not the figures behind them.
    let csv = run(&["reconcile", "--ledger", "led", "--format", "csv", "--from", "2024-04-26"], dir.path());
    let text = stdout(&csv);
    assert!(text.lines().next().unwrap().starts_with("finding,metric,outlet,published"), "{text}");
    assert!(text.contains(",-1.64,"), "{text}");
    assert!(!text.contains("transition") && !text.contains("undated"), "{text}");
    assert!(text.contains("currency_mislabel"), "{text}");
}

/// Fictional outlets over five months: the total moves from $113 billion
/// to $175 billion, and one outlet keeps quoting the old total.
const STALE_TOTAL: &str = r#"{"id":"s1","outlet":"Northgate Herald","published":"2024-01-10","text":"The United States has approved $113 billion in aid for Ukraine, the State Department said."}
{"id":"s2","outlet":"Lakeside Tribune","published":"2024-01-11","text":"The United States has approved $113 billion in aid for Ukraine so far, the State Department said."}
{"id":"s3","outlet":"Northgate Herald","published":"2024-03-01","text":"The United States has approved $175 billion in aid for Ukraine, the State Department said on Friday."}
{"id":"s4","outlet":"Lakeside Tribune","published":"2024-03-02","text":"The United States has approved $175 billion in aid for Ukraine in all, the State Department said."}
{"id":"s5","outlet":"Valley Courier","published":"2024-03-03","text":"All told, the United States has approved $175 billion in aid for Ukraine, the State Department said."}
{"id":"s6","outlet":"Rearview Gazette","published":"2024-03-05","text":"The United States has approved $113 billion in aid for Ukraine, the State Department said this week."}
{"id":"s7","outlet":"Northgate Herald","published":"2024-04-01","text":"The United States has approved $175 billion in aid for Ukraine to date, the State Department said."}
{"id":"s8","outlet":"Rearview Gazette","published":"2024-04-02","text":"So far the United States has approved $113 billion in aid for Ukraine, the State Department said."}
{"id":"s9","outlet":"Lakeside Tribune","published":"2024-05-01","text":"The United States has now approved $175 billion in aid for Ukraine, the State Department said."}
{"id":"s10","outlet":"Valley Courier","published":"2024-05-01","text":"The United States has approved $175 billion in aid for Ukraine overall, the State Department said."}
{"id":"s11","outlet":"Rearview Gazette","published":"2024-05-02","text":"The United States has approved $113 billion in aid for Ukraine since 2022, the State Department said."}
"#;

#[test]
fn an_outlet_quoting_an_old_total_is_stale_and_an_outlier() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), STALE_TOTAL).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let found = json_lines(&stdout(&out));
    let of_kind = |kind: &str| -> Vec<String> {
        found
            .iter()
            .filter(|f| f["finding"] == kind)
            .map(|f| f["article_id"].as_str().or(f["outlet"].as_str()).unwrap_or("").to_string())
            .collect()
    };
    // Each time the Gazette repeats $113 billion, the others have moved on.
    assert_eq!(of_kind("stale"), ["s6", "s8", "s11"], "{found:#?}");
    assert!(of_kind("conflict").is_empty(), "{found:#?}");
    let stale = found.iter().find(|f| f["article_id"] == "s8").unwrap();
    assert_eq!(stale["consensus_usd"], "175000000000");
    // The old consensus it repeats: the latest report of $113 billion.
    assert!(stale["related_mention_id"].as_str().unwrap().starts_with("s2:"), "{stale}");
    // Three of three off consensus, against none for the others.
    let outliers: Vec<&serde_json::Value> = found.iter().filter(|f| f["finding"] == "outlier_outlet").collect();
    assert_eq!(outliers.len(), 1, "{found:#?}");
    assert_eq!(outliers[0]["outlet"], "Rearview Gazette");
    assert!(outliers[0]["detail"].as_str().unwrap().starts_with("3 of 3 figures off consensus"), "{}", outliers[0]);
}

/// Two outlets, one undated, that round one package differently: no
/// consensus can decide, so the pair is a discrepancy; a third that states
/// the figure within the precision of one of them raises nothing more.
const NEAR_MISS: &str = r#"{"id":"d1","outlet":"Northgate Herald","published":"2024-04-27","text":"The United States approved $60 billion in aid for Ukraine this week, the White House said."}
{"id":"d2","outlet":"Undated Weekly","text":"The United States approved $60.8 billion in aid for Ukraine, the White House said."}
{"id":"d3","outlet":"Valley Courier","published":"2024-04-28","text":"The United States approved nearly $61 billion in aid for Ukraine, the White House said."}
"#;

#[test]
fn close_figures_no_consensus_decides_are_a_discrepancy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), NEAR_MISS).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path());
    let found = json_lines(&stdout(&out));
    let discrepancies: Vec<&serde_json::Value> = found.iter().filter(|f| f["finding"] == "discrepancy").collect();
    assert_eq!(discrepancies.len(), 1, "{found:#?}");
    let d = discrepancies[0];
    assert_eq!(d["article_id"], "d1");
    assert!(d["related_mention_id"].as_str().unwrap().starts_with("d2:"), "{d}");
    assert!(d["detail"].as_str().unwrap().starts_with("-1.32% from Undated Weekly 60800000000 USD (undated)"), "{d}");
    // The undated report is still reported as undated, with no date given.
    let undated = found.iter().find(|f| f["finding"] == "undated").unwrap();
    assert_eq!((undated["article_id"].as_str(), undated["published"].as_str()), (Some("d2"), None));
}

/// Three outlets run one wire story word for word; two others report the
/// figure in their own words.
const WIRE_COPY: &str = r#"{"id":"c1","outlet":"Northgate Herald","published":"2024-04-24","text":"The United States approved $61 billion in aid for Ukraine, the White House said on Wednesday."}
{"id":"c2","outlet":"Lakeside Tribune","published":"2024-04-24","text":"Washington's $61 billion aid package for Ukraine was approved, the White House said."}
{"id":"c3","outlet":"Wire Mirror One","published":"2024-04-25","text":"The United States approved $50 billion in aid for Ukraine, the White House said."}
{"id":"c4","outlet":"Wire Mirror Two","published":"2024-04-25","text":"The United States approved $50 billion in aid for Ukraine, the White House said."}
{"id":"c5","outlet":"Wire Mirror Three","published":"2024-04-25","text":"The United States approved $50 billion in aid for Ukraine, the White House said."}
"#;

#[test]
fn copies_of_one_wire_story_vote_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), WIRE_COPY).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path());
    let found = json_lines(&stdout(&out));
    // Counted per outlet, the three mirrors would outvote the two; counted
    // per story, $61 billion has two voices against one.
    let mut conflicts: Vec<&str> =
        found.iter().filter(|f| f["finding"] == "conflict").map(|f| f["article_id"].as_str().unwrap()).collect();
    conflicts.sort();
    assert_eq!(conflicts, ["c3", "c4", "c5"], "{found:#?}");
    assert!(found.iter().filter(|f| f["finding"] == "conflict").all(|f| f["consensus_usd"] == "61000000000"));
    assert!(found.iter().all(|f| f["article_id"] != "c1" && f["article_id"] != "c2"), "{found:#?}");
}

/// One euro figure at two dates: each converts at the ECB rate of its own
/// day (1.0814 on 2024-02-01, 0.9764 on 2022-10-03).
const EURO_DATES: &str = r#"{"id":"e1","outlet":"Northgate Herald","published":"2024-02-01","text":"The European Union approved €50 billion in aid for Ukraine on Thursday, officials in Brussels said."}
{"id":"e2","outlet":"Lakeside Tribune","published":"2024-02-02","text":"The European Union approved $54 billion in aid for Ukraine, officials in Brussels said."}
{"id":"e3","outlet":"Valley Courier","published":"2022-10-03","text":"The European Union approved €50 billion in aid for Ukraine, officials in Brussels said on Monday."}
"#;

#[test]
fn figures_in_other_currencies_compare_at_their_own_dates_rate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), EURO_DATES).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["timeline", "--ledger", "led", "--format", "json"], dir.path());
    let rows = json_lines(&stdout(&out));
    let row = |id: &str| rows.iter().find(|r| r["mention_id"].as_str().unwrap().starts_with(id)).unwrap().clone();
    assert_eq!(row("e1")["amount_usd"], "54070000000");
    assert_eq!(row("e3")["amount_usd"], "48820000000");
    // €50 billion in February 2024 is the $54 billion of the next day.
    assert_eq!(row("e2")["agrees"], "true", "{rows:#?}");
    assert_eq!(row("e2")["support"], "2");
    let found = json_lines(&stdout(&run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path())));
    assert!(found.iter().all(|f| f["finding"] != "conflict" && f["finding"] != "currency_mislabel"), "{found:#?}");
}

#[test]
fn reconcile_without_a_ledger_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["reconcile", "--ledger", "nothing-here"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("nothing-here: no ledger here"), "{}", stderr(&out));
}

#[test]
fn timeline_shows_each_figure_against_the_consensus_of_its_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), SCENARIO).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let metric = "united-states/ukraine/total/enacted";
    let out = run(&["timeline", "--ledger", "led", "--metric", metric, "--format", "json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&stdout(&out));
    let by_article = |id: &str| rows.iter().find(|r| r["mention_id"].as_str().unwrap().starts_with(id)).unwrap();
    assert_eq!(rows.len(), 5, "the pending figure is another metric");
    assert!(rows.iter().all(|r| r["metric"] == metric));
    // The first report alone is no consensus to be measured against.
    assert_eq!(by_article("n1:")["agrees"], serde_json::Value::Null);
    assert_eq!(by_article("n2:")["agrees"], "true");
    let n3 = by_article("n3:");
    assert_eq!((n3["agrees"].as_str(), n3["consensus_usd"].as_str()), (Some("false"), Some("61000000000")));
    // The euro copy of a dollar sentence is a voice of its own.
    assert_eq!(by_article("n4:")["voices"], "4");
    // Undated: last, no consensus.
    let last = rows.last().unwrap();
    assert!(last["mention_id"].as_str().unwrap().starts_with("n6:") && last["published"].is_null());
    assert!(last["consensus_usd"].is_null());
}

#[test]
fn compare_sets_outlets_against_the_consensus_as_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), SCENARIO).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let out = run(&["compare", "--ledger", "led", "--as-of", "2024-04-30", "--format", "csv"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let enacted = "united-states/ukraine/total/enacted";
    let usd = header.iter().position(|h| *h == format!("{enacted} usd")).unwrap();
    let dev = header.iter().position(|h| *h == format!("{enacted} deviation_pct")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let outlet = |name: &str| rows.iter().find(|r| &r[0] == name).unwrap();
    assert_eq!((&outlet("Valley Courier")[usd], &outlet("Valley Courier")[dev]), ("60000000000", "-1.64"));
    assert_eq!(&outlet("Northgate Herald")[dev], "0");
    // The undated article's outlet has nothing dated to compare.
    assert!(rows.iter().all(|r| &r[0] != "Undated Weekly"), "{text}");
    // Before the package passed, nobody had an enacted figure.
    let early = run(&["compare", "--ledger", "led", "--as-of", "2024-03-31", "--format", "csv"], dir.path());
    let early = stdout(&early);
    assert!(!early.contains(enacted) && early.contains("total/pending"), "{early}");
}

/// Fictional outlets over six months: the Kiel Institute's running total of
/// aid to Ukraine, reported with every verb and name for the donors that
/// outlets use, once in euros by mistake and once, months later, at its old
/// value; beside it, a US package that moves from pending to law.
const RUNNING_TOTAL: &str = r#"{"id":"k1","outlet":"Northgate Herald","published":"2024-01-10","text":"The United States and its allies have provided $250 billion in aid to Ukraine so far, according to the Kiel Institute."}
{"id":"k2","outlet":"Lakeside Tribune","published":"2024-01-11","text":"Western allies have given Ukraine $250 billion since the war began, according to the Kiel Institute."}
{"id":"k3","outlet":"Northgate Herald","published":"2024-03-01","text":"The United States and its allies have contributed over $278 billion to the Ukrainian government since February 2022, according to the Kiel Institute."}
{"id":"k4","outlet":"Lakeside Tribune","published":"2024-03-02","text":"Ukraine has received $278 billion from Western allies so far, according to the Kiel Institute."}
{"id":"k5","outlet":"Valley Courier","published":"2024-03-03","text":"Its Western partners have committed $278 billion to Ukraine to date, according to the Kiel Institute."}
{"id":"k6","outlet":"Harbor Post","published":"2024-03-04","text":"The US and its allies have given €278 billion to Ukraine so far, according to the Kiel Institute."}
{"id":"k7","outlet":"Northgate Herald","published":"2024-06-03","text":"The United States and its allies have provided $278 billion to Ukraine so far, according to the Kiel Institute."}
{"id":"k8","outlet":"Lakeside Tribune","published":"2024-06-04","text":"Western allies have given Ukraine $278 billion so far, according to the Kiel Institute."}
{"id":"k9","outlet":"Rearview Gazette","published":"2024-06-05","text":"The United States and its allies have provided $250 billion to Ukraine so far, according to the Kiel Institute."}
{"id":"p1","outlet":"Valley Courier","published":"2024-03-10","text":"A $60 billion aid package for Ukraine remains stalled in Congress, the White House said."}
{"id":"p2","outlet":"Northgate Herald","published":"2024-04-24","text":"President Biden signed into law a package that gives Ukraine $61 billion in aid, the White House said."}
{"id":"p3","outlet":"Lakeside Tribune","published":"2024-04-25","text":"The United States approved $61 billion in aid for Ukraine on Wednesday, the White House said."}
"#;

#[test]
fn one_running_total_however_outlets_word_it_and_a_package_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), RUNNING_TOTAL).unwrap();
    assert!(run(&["ingest", "--ledger", "led", "news.jsonl"], dir.path()).status.success());
    let rows = json_lines(&stdout(&run(&["ledger", "--ledger", "led", "--format", "json"], dir.path())));
    let metric_of = |article: &str| -> String {
        let found: Vec<&str> =
            rows.iter().filter(|r| r["article_id"] == article).filter_map(|r| r["metric"].as_str()).collect();
        assert_eq!(found.len(), 1, "{article}: {found:?}");
        found[0].to_string()
    };
    // Five verbs, four names for the donors, two currencies: one metric.
    let total = metric_of("k1");
    for k in ["k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"] {
        assert_eq!(metric_of(k), total, "{k}");
    }
    assert!(total.ends_with("/running-total"), "{total}");
    let package = [metric_of("p1"), metric_of("p2"), metric_of("p3")];
    assert!(package.iter().all(|m| *m != total), "{package:?}");

    let out = run(&["reconcile", "--ledger", "led", "--format", "json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let found = json_lines(&stdout(&out));
    fn article_of(mention: &serde_json::Value) -> &str {
        mention.as_str().and_then(|m| m.split(':').next()).unwrap_or("")
    }
    let of_kind = |kind: &str| -> Vec<&str> {
        let mut ids: Vec<&str> =
            found.iter().filter(|f| f["finding"] == kind).map(|f| f["article_id"].as_str().unwrap_or("")).collect();
        ids.sort();
        ids
    };
    assert_eq!(of_kind("currency_mislabel"), ["k6"], "{found:#?}");
    assert_eq!(of_kind("stale"), ["k9"], "{found:#?}");
    let transitions: Vec<&serde_json::Value> = found.iter().filter(|f| f["finding"] == "transition").collect();
    assert_eq!(transitions.len(), 1, "{found:#?}");
    assert!(["p2", "p3"].contains(&transitions[0]["article_id"].as_str().unwrap()), "{found:#?}");
    assert_eq!(article_of(&transitions[0]["related_mention_id"]), "p1");
    // The package and the running total are never set against each other.
    for f in &found {
        let (a, b) = (f["article_id"].as_str().unwrap_or(""), article_of(&f["related_mention_id"]));
        assert!(b.is_empty() || a.starts_with('k') == b.starts_with('k'), "{f}");
    }
    // The euro copy is measured against the dollar report, not itself.
    let mislabel = found.iter().find(|f| f["finding"] == "currency_mislabel").unwrap();
    assert_ne!(mislabel["deviation_pct"], "0", "{mislabel}");
    assert_ne!(mislabel["deviation_pct"], "0.00", "{mislabel}");
}
