//! A metric's figures by date, and the consensus as of each date: the value
//! most independent outlets agree on within a trailing window.
//!
//! Independence: each outlet votes once, with its latest figure in the
//! window, and copies of one story (the same sentence, as syndicated wire
//! copy and mirrors carry it) vote once however many outlets ran them. Ties
//! go to a figure attributed to a named source, then to the latest.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::figure::Figure;
use super::tolerance::{agree, Interval};

/// The trailing window consensus looks back over, in days, unless told.
pub const DEFAULT_WINDOW_DAYS: i64 = 45;

/// The longest window: a century. Longer ones are taken as this (a window
/// reaching before the calendar's start must not overflow a date).
pub const MAX_WINDOW_DAYS: i64 = 36_600;

/// The first day of the window that ends on `as_of`.
fn window_start(as_of: NaiveDate, window_days: i64) -> NaiveDate {
    as_of.checked_sub_signed(Duration::days(window_days.clamp(1, MAX_WINDOW_DAYS) - 1)).unwrap_or(NaiveDate::MIN)
}

/// How many independent voices must agree before a consensus is held up
/// against other figures.
pub const MIN_SUPPORT: usize = 2;

/// The agreed value of a metric as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    pub amount_usd: Decimal,
    /// What the consensus figure's text could stand for, in dollars.
    pub interval_usd: Interval,
    /// How many independent voices agree with it.
    pub support: usize,
    /// How many independent voices spoke in the window.
    pub voices: usize,
    /// The figure that states the consensus value.
    pub mention_id: String,
    pub source: Option<String>,
}

/// One figure on its metric's timeline.
#[derive(Debug, Clone)]
pub struct TimelineRow<'a> {
    pub figure: &'a Figure,
    /// None for an undated figure, or when no figure in the window has a
    /// dollar value.
    pub consensus: Option<Consensus>,
    /// Whether the figure agrees with the consensus; None when either has
    /// no dollar value, or when fewer than `MIN_SUPPORT` independent voices
    /// stand behind the consensus: one outlet's figure is no yardstick for
    /// another's (and an article naming several sizes of one kind of aid
    /// would otherwise conflict with itself).
    pub agrees: Option<bool>,
}

/// The consensus among `figures` (all of one metric) as of `as_of`, over the
/// `window_days` days up to and including it.
pub fn consensus(figures: &[&Figure], as_of: NaiveDate, window_days: i64) -> Option<Consensus> {
    let since = window_start(as_of, window_days);
    // Each outlet's latest figure in the window; an unnamed outlet is its
    // own voice per article.
    let mut by_outlet: HashMap<&str, &Figure> = HashMap::new();
    for f in figures {
        let Some(date) = f.published else { continue };
        if date < since || date > as_of || f.amount_usd.is_none() {
            continue;
        }
        let voice = f.outlet.as_deref().unwrap_or(&f.article_id);
        let later = by_outlet.get(voice).is_none_or(|seen| seen.published <= f.published);
        if later {
            by_outlet.insert(voice, f);
        }
    }
    // One vote per story; BTreeMap so the order, and so the tie-breaks,
    // do not depend on hashing.
    let mut stories: BTreeMap<u64, &Figure> = BTreeMap::new();
    for f in by_outlet.into_values() {
        let key = f.story;
        let keep =
            stories.get(&key).is_none_or(|seen| (seen.published, &seen.mention_id) > (f.published, &f.mention_id));
        if keep {
            stories.insert(key, f);
        }
    }
    // Voices stating the same value with the same precision agree with the
    // same others: weigh them as one group, so the pairwise count runs over
    // the few distinct figures of a window, not over every outlet. Each
    // group keeps the voice a tie would pick (named source, then latest).
    let mut groups: Vec<(&Figure, Decimal, Interval, usize)> = Vec::new();
    let mut voices = 0;
    for f in stories.into_values() {
        let (Some(usd), Some(interval)) = (f.amount_usd, f.interval_usd()) else { continue };
        voices += 1;
        match groups.iter_mut().find(|g| g.1 == usd && g.2 == interval) {
            Some(g) => {
                g.3 += 1;
                if tie_rank(f) > tie_rank(g.0) {
                    g.0 = f;
                }
            }
            None => groups.push((f, usd, interval, 1)),
        }
    }
    let best = groups
        .iter()
        .map(|(f, usd, interval, _)| {
            let support: usize = groups.iter().filter(|(_, u, i, _)| agree(*usd, interval, *u, i)).map(|g| g.3).sum();
            (support, tie_rank(f), f, *usd, *interval)
        })
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))?;
    Some(Consensus {
        amount_usd: best.3,
        interval_usd: best.4,
        support: best.0,
        voices,
        mention_id: best.2.mention_id.clone(),
        source: best.2.source.clone(),
    })
}

/// Among voices that agree equally, a named source first, then the latest.
fn tie_rank(f: &Figure) -> (bool, Option<NaiveDate>, &str) {
    (f.source.is_some(), f.published, f.mention_id.as_str())
}

/// The columns a timeline row is written with, in order.
pub const COLUMNS: [&str; 12] = [
    "metric",
    "published",
    "outlet",
    "source",
    "mention_id",
    "amount",
    "currency",
    "amount_usd",
    "consensus_usd",
    "support",
    "voices",
    "agrees",
];

/// Columns that hold numbers the tool computed (never escaped in CSV).
pub const NUMERIC_COLUMNS: [&str; 5] = ["amount", "amount_usd", "consensus_usd", "support", "voices"];

/// A row's cells in `COLUMNS` order; None is an empty cell.
pub fn cells(r: &TimelineRow<'_>) -> [Option<String>; 12] {
    let f = r.figure;
    let num = |v: Option<Decimal>| v.map(|v| v.normalize().to_string());
    let c = r.consensus.as_ref();
    [
        Some(f.metric.clone()),
        f.published.map(|d| d.to_string()),
        f.outlet.clone(),
        f.source.clone(),
        Some(f.mention_id.clone()),
        num(Some(f.amount)),
        Some(f.currency.clone()),
        num(f.amount_usd.map(|v| v.round_dp(2))),
        num(c.map(|c| c.amount_usd.round_dp(2))),
        c.map(|c| c.support.to_string()),
        c.map(|c| c.voices.to_string()),
        r.agrees.map(|a| a.to_string()),
    ]
}

/// Every metric's timeline: dated figures by date (then mention id), each
/// with the consensus as of its date, then the undated ones.
pub fn timelines(figures: &[Figure], window_days: i64) -> Vec<TimelineRow<'_>> {
    let mut by_metric: BTreeMap<&str, Vec<&Figure>> = BTreeMap::new();
    for f in figures {
        by_metric.entry(f.metric.as_str()).or_default().push(f);
    }
    let mut rows = Vec::with_capacity(figures.len());
    for (_, mut metric_figures) in by_metric {
        metric_figures.sort_by(|a, b| {
            (a.published.is_none(), a.published, &a.mention_id).cmp(&(
                b.published.is_none(),
                b.published,
                &b.mention_id,
            ))
        });
        // Consensus once per date, not once per figure, over only the
        // figures of the window (the dated ones come first, by date).
        let dated = metric_figures.partition_point(|f| f.published.is_some());
        let mut at_date: HashMap<NaiveDate, Option<Consensus>> = HashMap::new();
        for f in &metric_figures {
            let consensus = f.published.and_then(|date| {
                at_date
                    .entry(date)
                    .or_insert_with(|| {
                        let since = Some(window_start(date, window_days));
                        let lo = metric_figures[..dated].partition_point(|g| g.published < since);
                        let hi = metric_figures[..dated].partition_point(|g| g.published <= Some(date));
                        consensus(&metric_figures[lo..hi], date, window_days)
                    })
                    .clone()
            });
            let agrees = match (&consensus, f.amount_usd, f.interval_usd()) {
                (Some(c), Some(usd), Some(interval)) if c.support >= MIN_SUPPORT => {
                    Some(agree(usd, &interval, c.amount_usd, &c.interval_usd))
                }
                _ => None,
            };
            rows.push(TimelineRow { figure: f, consensus, agrees });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::testkit::{day, fig, usd};

    fn billions(v: Decimal) -> String {
        (v / Decimal::from(1_000_000_000)).normalize().to_string()
    }

    #[test]
    fn most_outlets_within_precision_win_and_a_named_source_breaks_ties() {
        let mut a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        a.source = Some("US Congress".into());
        let b = usd("b", "Beta", "2024-04-25", "$60.8 billion", "60800000000");
        let c = usd("c", "Gamma", "2024-04-25", "$60 billion", "60000000000");
        let all = [&a, &b, &c];
        let got = consensus(&all, day("2024-04-26"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(got.amount_usd), got.support, got.voices), ("61".into(), 2, 3));
        assert_eq!(got.source.as_deref(), Some("US Congress"));
    }

    #[test]
    fn syndicated_copies_vote_once() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "2024-04-24", "$61 billion", "61000000000");
        // Three outlets running one wire story: the same sentence.
        let mut wire: Vec<Figure> = ["Delta", "Epsilon", "Zeta"]
            .iter()
            .enumerate()
            .map(|(i, o)| usd(&format!("w{i}"), o, "2024-04-25", "$50 billion", "50000000000"))
            .collect();
        for w in &mut wire {
            w.sentence = "The wire said $50 billion was approved.".into();
            w.story = Figure::story_of(&w.sentence, w.amount, &w.currency);
        }
        let mut all = vec![&a, &b];
        all.extend(wire.iter());
        let got = consensus(&all, day("2024-04-25"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(got.amount_usd), got.support, got.voices), ("61".into(), 2, 3));
    }

    #[test]
    fn the_window_forgets_old_figures_and_an_outlet_votes_with_its_latest() {
        let old_a = usd("a1", "Alpha", "2023-12-01", "$113 billion", "113000000000");
        let old_b = usd("b1", "Beta", "2023-12-02", "$113 billion", "113000000000");
        let new_a = usd("a2", "Alpha", "2024-04-20", "$175 billion", "175000000000");
        let all = [&old_a, &old_b, &new_a];
        // In December both say 113.
        let dec = consensus(&all, day("2023-12-10"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(dec.amount_usd), dec.support), ("113".into(), 2));
        // In late April the December figures are out of the window.
        let apr = consensus(&all, day("2024-04-25"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!((billions(apr.amount_usd), apr.voices), ("175".into(), 1));
        // With a window of a year, Alpha votes once, with its newer figure;
        // the tie between one 113 and one 175 goes to the later.
        let year = consensus(&all, day("2024-04-25"), 366).unwrap();
        assert_eq!((billions(year.amount_usd), year.voices), ("175".into(), 2));
    }

    #[test]
    fn figures_in_other_currencies_compare_at_their_own_rate() {
        let a = usd("a", "Alpha", "2024-02-02", "$54 billion", "54000000000");
        // €50 billion at 1.08 is $54 billion: the same figure.
        let b = fig("b", "Beta", "2024-02-01", "€50 billion", "50000000000", "EUR", "1.08");
        let all = [&a, &b];
        let got = consensus(&all, day("2024-02-02"), DEFAULT_WINDOW_DAYS).unwrap();
        assert_eq!(got.support, 2);
        // At parity the two would not agree.
        let c = fig("c", "Gamma", "2024-02-01", "€50 billion", "50000000000", "EUR", "1");
        let all = [&a, &c];
        assert_eq!(consensus(&all, day("2024-02-02"), DEFAULT_WINDOW_DAYS).unwrap().support, 1);
    }

    #[test]
    fn timelines_order_by_date_keep_undated_figures_and_mark_agreement() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000");
        let c = usd("c", "Gamma", "2024-04-26", "$60 billion", "60000000000");
        let undated = usd("u", "Undated Weekly", "not a date", "$61 billion", "61000000000");
        let figures = vec![undated, c, b, a];
        let rows = timelines(&figures, DEFAULT_WINDOW_DAYS);
        let order: Vec<&str> = rows.iter().map(|r| r.figure.mention_id.as_str()).collect();
        assert_eq!(order, ["a", "b", "c", "u"]);
        let agrees: Vec<Option<bool>> = rows.iter().map(|r| r.agrees).collect();
        // Alpha alone on the first day is no consensus to measure against.
        assert_eq!(agrees, [None, Some(true), Some(false), None]);
        assert!(rows[3].consensus.is_none(), "an undated figure gets no consensus");
    }

    #[test]
    fn any_window_length_is_safe() {
        let a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        let b = usd("b", "Beta", "1900-01-01", "$61 billion", "61000000000");
        let figures = vec![a, b];
        for window in [i64::MIN, -5, 0, 1, MAX_WINDOW_DAYS, i64::MAX] {
            let rows = timelines(&figures, window);
            assert_eq!(rows.len(), 2, "window {window}");
        }
        // A century reaches back to 1924, not to 1900.
        let all: Vec<&Figure> = figures.iter().collect();
        assert_eq!(consensus(&all, day("2024-04-24"), i64::MAX).unwrap().voices, 1);
    }
}
