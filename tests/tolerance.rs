//! The stated-precision interval on every figure the extractor finds in the
//! news corpus: each figure, and the top of each range, lies inside its own
//! interval, and an exact figure never stands for zero.

mod common;

use aidledger::eval::read_gold;
use aidledger::extract::extract;
use aidledger::reconcile::Interval;
use common::*;
use rust_decimal::Decimal;

#[test]
fn every_figure_lies_in_its_own_interval() {
    let Some(shared) = shared("the tolerance check on the corpus") else { return };
    let mut figures = 0usize;
    for name in ["corpus/dev.jsonl"] {
        let path = shared.join(name);
        let data = std::fs::read_to_string(&path).unwrap();
        let docs = read_gold(&path.display().to_string(), &data).unwrap();
        for doc in &docs {
            for m in extract(&doc.article.text) {
                let i = Interval::of(&m.surface, m.value, m.value_max, m.qualifier.as_str());
                assert!(i.contains(m.value), "{:?} ({}) outside {i:?}", m.surface, m.value);
                if let Some(max) = m.value_max {
                    assert!(i.contains(max), "{:?} top ({max}) outside {i:?}", m.surface);
                }
                // The interval is never wider than the figure itself for an
                // exact figure of at least one unit: "$61 billion" cannot
                // stand for zero.
                if m.qualifier.as_str() == "exact" && m.value >= Decimal::ONE {
                    assert!(i.low.unwrap() > Decimal::ZERO, "{:?} interval reaches zero: {i:?}", m.surface);
                }
                figures += 1;
            }
        }
    }
    eprintln!("{figures} figures checked");
    assert!(figures > 100, "too few figures to say anything: {figures}");
}
