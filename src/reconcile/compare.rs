//! Outlets side by side: for each outlet and metric, the outlet's latest
//! figure as of a date and how far it sits from that date's consensus.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::figure::Figure;
use super::timeline::{consensus, window_start, Consensus, MIN_SUPPORT};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// One outlet's standing on one metric.
#[derive(Debug, Clone)]
pub struct Standing<'a> {
    pub figure: &'a Figure<'a>,
    /// The metric's consensus as of the comparison date, when two or more
    /// independent voices stand behind one.
    pub consensus: Option<Consensus<'a>>,
    /// (figure − consensus) / consensus in percent, two decimals.
    pub deviation_pct: Option<Decimal>,
}

/// The outlets × metrics matrix as of a date.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub as_of: NaiveDate,
    pub outlets: Vec<&'a str>,
    pub metrics: Vec<&'a str>,
    /// Keyed by (outlet, metric); a missing key is an outlet that never
    /// reported the metric by that date.
    pub cells: BTreeMap<(&'a str, &'a str), Standing<'a>>,
}

/// Each outlet's latest figure per metric published on or before `as_of`,
/// against the metric's consensus as of `as_of` over `window_days`. Figures
/// with no outlet or no date take no part.
pub fn compare<'a>(
    figures: impl IntoIterator<Item = &'a Figure<'a>>,
    as_of: NaiveDate,
    window_days: i64,
) -> Comparison<'a> {
    // Hashed, not ordered, while every figure goes through: the order is
    // only needed for the few cells at the end.
    let mut by_metric: FxHashMap<&str, Vec<&Figure<'a>>> = FxHashMap::default();
    let mut latest: FxHashMap<(&str, &str), &Figure<'a>> = FxHashMap::default();
    let since = window_start(as_of, window_days);
    for f in figures {
        let (Some(outlet), Some(date)) = (f.outlet, f.published) else { continue };
        if date > as_of {
            continue;
        }
        // Only the window's figures make the consensus.
        if date >= since {
            by_metric.entry(f.metric).or_default().push(f);
        }
        let seen = latest.entry((outlet, f.metric)).or_insert(f);
        if seen.order() < f.order() {
            *seen = f;
        }
    }
    let agreed: FxHashMap<&str, Option<Consensus<'a>>> = by_metric
        .par_iter()
        .map(|(metric, figs)| (*metric, consensus(figs, as_of, window_days).filter(|c| c.support >= MIN_SUPPORT)))
        .collect();
    let mut outlets = BTreeSet::new();
    let mut metrics = BTreeSet::new();
    let mut cells = BTreeMap::new();
    for ((outlet, metric), figure) in latest {
        outlets.insert(outlet);
        metrics.insert(metric);
        let consensus = agreed.get(metric).copied().flatten();
        let deviation_pct = match (&consensus, figure.amount_usd) {
            (Some(c), Some(usd)) if !c.amount_usd().is_zero() => usd
                .checked_sub(c.amount_usd())
                .and_then(|d| d.checked_div(c.amount_usd()))
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                .map(|p| p.round_dp(2)),
            _ => None,
        };
        cells.insert((outlet, metric), Standing { figure, consensus, deviation_pct });
    }
    Comparison { as_of, outlets: outlets.into_iter().collect(), metrics: metrics.into_iter().collect(), cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::testkit::{day, usd};
    use crate::reconcile::timeline::DEFAULT_WINDOW_DAYS;

    #[test]
    fn each_outlet_shows_its_latest_figure_against_the_consensus() {
        let mut pending = usd("p", "Alpha", "2024-03-10", "$60 billion", "60000000000");
        pending.metric = "united-states/ukraine/total/pending";
        let figures = vec![
            pending,
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
            usd("c1", "Gamma", "2024-04-20", "$61 billion", "61000000000"),
            usd("c2", "Gamma", "2024-04-26", "$60 billion", "60000000000"),
            // After the date: not seen.
            usd("late", "Delta", "2024-05-30", "$99 billion", "99000000000"),
        ];
        let cmp = compare(&figures, day("2024-04-30"), DEFAULT_WINDOW_DAYS);
        assert_eq!(cmp.outlets, ["Alpha", "Beta", "Gamma"]);
        assert_eq!(cmp.metrics, ["united-states/ukraine/total/enacted", "united-states/ukraine/total/pending"]);
        let cell = |o: &str, class: &str| {
            let metric = format!("united-states/ukraine/total/{class}");
            cmp.cells.iter().find(|((co, cm), _)| *co == o && *cm == metric).map(|(_, s)| s)
        };
        let gamma = cell("Gamma", "enacted").unwrap();
        assert_eq!(gamma.figure.mention_id, "c2", "the latest figure, not the first");
        assert_eq!(gamma.deviation_pct.map(|d| d.to_string()).as_deref(), Some("-1.64"));
        assert_eq!(cell("Alpha", "enacted").unwrap().deviation_pct, Some(Decimal::ZERO));
        // One voice on the pending metric: no consensus to deviate from.
        let alpha_pending = cell("Alpha", "pending").unwrap();
        assert!(alpha_pending.consensus.is_none() && alpha_pending.deviation_pct.is_none());
        assert!(cell("Beta", "pending").is_none());
    }
}
