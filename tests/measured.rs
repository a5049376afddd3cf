//! The extractor measured on the news corpus and on the peers' own test
//! cases (converted by ../shared/eval/peer_cases.py), with floors set just
//! under the figures reached, so that a change that loses ground fails here.

mod common;

use aidledger::eval::{evaluate, read_gold, GroupBy, Tally, CONTEXT_FIELDS};
use aidledger::lexicon::Lexicon;
use common::*;
use std::process::Command;

fn tally(path: &std::path::Path) -> Tally {
    let data = std::fs::read_to_string(path).unwrap();
    let docs = read_gold(&path.display().to_string(), &data).unwrap();
    let report = evaluate(&docs, GroupBy::All, Lexicon::default_lexicon());
    report.groups["all"].clone()
}

fn figure_f1(path: &std::path::Path) -> f64 {
    let t = tally(path);
    let f1 = t.figure_prf().2;
    eprintln!("{}: figure F1 {f1:.3} (gold {}, pred {}, right {})", path.display(), t.gold, t.pred, t.figure);
    f1
}

#[test]
fn corpus_dev_figure_f1() {
    let Some(shared) = shared("the corpus score") else { return };
    let f1 = figure_f1(&shared.join("corpus/dev.jsonl"));
    assert!(f1 >= 0.99, "figure F1 {f1:.3} fell below the floor 0.99");
}

#[test]
fn corpus_dev_label_accuracy() {
    let Some(shared) = shared("the corpus labels score") else { return };
    let t = tally(&shared.join("corpus/dev.jsonl"));
    // Floors just under the accuracies reached (1.000, 0.862, 0.875, 0.916, 0.912, 0.944, 0.984).
    let floors = [0.99, 0.85, 0.86, 0.90, 0.90, 0.93, 0.97];
    for ((field, (right, scored)), floor) in CONTEXT_FIELDS.iter().zip(t.context.iter()).zip(floors) {
        let acc = *right as f64 / *scored as f64;
        eprintln!("{field}: {acc:.3} ({right}/{scored})");
        assert!(acc >= floor, "{field}: accuracy {acc:.3} fell below the floor {floor}");
    }
}

#[test]
fn corpus_metric_pairs() {
    let Some(shared) = shared("the corpus metric score") else { return };
    // (set, floor): just under the pair F1 reached, 0.674 on dev and 0.675 on
    // dev2 (whose errors have been read, so it is no longer an unseen measure).
    for (set, floor) in [("dev", 0.66), ("dev2", 0.66)] {
        let path = shared.join(format!("corpus/{set}.jsonl"));
        let data = std::fs::read_to_string(&path).unwrap();
        let docs = read_gold(&path.display().to_string(), &data).unwrap();
        let report = evaluate(&docs, GroupBy::All, Lexicon::default_lexicon());
        let (p, r, f1) = report.metric_pairs.expect("the corpus has quantities").prf();
        eprintln!("{set}: metric pairs P {p:.3} R {r:.3} F1 {f1:.3}");
        assert!(f1 >= floor, "{set}: metric pair F1 {f1:.3} fell below the floor {floor}");
    }
}

#[test]
fn peers_figure_f1() {
    let Some(shared) = shared("the peers' cases score") else { return };
    let dir = tempfile::tempdir().unwrap();
    let converted = Command::new("python3").arg(shared.join("eval/peer_cases.py")).arg(dir.path()).output();
    match converted {
        Ok(o) if o.status.success() => {}
        _ => {
            skip("converting the peers' cases needs python3");
            return;
        }
    }
    // (set, floor): the figures reached were 0.987, 0.974 and 0.971.
    for (set, floor) in [("recognizers-en", 0.98), ("recognizers-de", 0.97), ("duckling-en", 0.96)] {
        let f1 = figure_f1(&dir.path().join(format!("{set}.jsonl")));
        assert!(f1 >= floor, "{set}: figure F1 {f1:.3} fell below the floor {floor}");
    }
}
