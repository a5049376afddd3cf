//! The checks reconciliation runs over a ledger's timelines. Each check
//! looks at every figure and yields all it finds; none stops at the first.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::figure::Figure;
use super::timeline::{Consensus, TimelineRow, MIN_SUPPORT};
use super::tolerance::agree;

/// What a finding says about its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Outside tolerance of the consensus at its date.
    Conflict,
    /// Repeats a value the timeline had already moved past. Reported
    /// instead of a conflict: it is the more useful thing to know.
    Stale,
    /// Its number matches another report's number of the same metric in
    /// another currency, and the converted values do not agree.
    CurrencyMislabel,
    /// Attributed to no one while others of its metric cite a source.
    Unsourced,
    /// The same package reported again in a later status class.
    Transition,
    /// An outlet that conflicts with consensus far more often than others.
    OutlierOutlet,
    /// The article has no publication date; the figure is on no timeline.
    Undated,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Conflict => "conflict",
            Kind::Stale => "stale",
            Kind::CurrencyMislabel => "currency_mislabel",
            Kind::Unsourced => "unsourced",
            Kind::Transition => "transition",
            Kind::OutlierOutlet => "outlier_outlet",
            Kind::Undated => "undated",
        }
    }
}

/// One finding, naming the row that raises it and, where there is one, the
/// row it is measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub metric: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub article_id: Option<String>,
    pub mention_id: Option<String>,
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    pub amount_usd: Option<Decimal>,
    pub consensus_usd: Option<Decimal>,
    /// (figure − consensus) / consensus, in percent, two decimals.
    pub deviation_pct: Option<Decimal>,
    pub related_mention_id: Option<String>,
    pub detail: String,
}

impl Finding {
    fn about(kind: Kind, f: &Figure, detail: String) -> Finding {
        Finding {
            kind,
            metric: f.metric.clone(),
            outlet: f.outlet.clone(),
            published: f.published,
            article_id: Some(f.article_id.clone()),
            mention_id: Some(f.mention_id.clone()),
            amount: Some(f.amount),
            currency: Some(f.currency.clone()),
            amount_usd: f.amount_usd,
            consensus_usd: None,
            deviation_pct: None,
            related_mention_id: None,
            detail,
        }
    }
}

/// The columns a finding is written with, in order.
pub const COLUMNS: [&str; 13] = [
    "finding",
    "metric",
    "outlet",
    "published",
    "article_id",
    "mention_id",
    "amount",
    "currency",
    "amount_usd",
    "consensus_usd",
    "deviation_pct",
    "related_mention_id",
    "detail",
];

impl Finding {
    /// The cells in `COLUMNS` order; None is an empty cell. Amounts are
    /// plain decimal strings ("61000000000"), never floats or exponents.
    pub fn cells(&self) -> [Option<String>; 13] {
        let num = |v: Option<Decimal>| v.map(|v| v.normalize().to_string());
        [
            Some(self.kind.as_str().to_string()),
            Some(self.metric.clone()).filter(|m| !m.is_empty()),
            self.outlet.clone(),
            self.published.map(|d| d.to_string()),
            self.article_id.clone(),
            self.mention_id.clone(),
            num(self.amount),
            self.currency.clone(),
            num(self.amount_usd.map(|v| v.round_dp(2))),
            num(self.consensus_usd.map(|v| v.round_dp(2))),
            self.deviation_pct.map(|v| v.to_string()),
            self.related_mention_id.clone(),
            Some(self.detail.clone()),
        ]
    }
}

/// How the checks are tuned.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Two figures in neighbouring status classes are one package moving
    /// when they are within this many percent of each other.
    pub transition_pct: Decimal,
    /// An outlet is an outlier when at least this many of its figures were
    /// compared with a consensus ...
    pub outlier_min_figures: usize,
    /// ... and its conflict rate is at least this multiple of the others'
    /// and at least one half.
    pub outlier_ratio: Decimal,
    /// How far apart, in days, an unsourced figure and a sourced one of its
    /// metric may be for the first to count as unsourced (the consensus
    /// window: further apart, they are likely different quantities).
    pub window_days: i64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            transition_pct: Decimal::from(10),
            outlier_min_figures: 3,
            outlier_ratio: Decimal::TWO,
            window_days: super::timeline::DEFAULT_WINDOW_DAYS,
        }
    }
}

/// A metric with an unknown donor, recipient or status lumps together
/// figures that need not measure the same thing; comparing them would only
/// make noise, so the checks leave them out (they stay in the ledger and on
/// the timeline).
fn reconcilable(metric: &str) -> bool {
    !metric.split('/').any(|part| part == "unknown")
}

/// Every finding of every check, ordered by metric, date and mention.
pub fn findings(rows: &[TimelineRow<'_>], settings: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    let known: Vec<TimelineRow<'_>> = rows.iter().filter(|r| reconcilable(&r.figure.metric)).cloned().collect();
    out.extend(disagreements(&known));
    out.extend(currency_mislabels(&known));
    out.extend(unsourced(&known, settings));
    out.extend(transitions(&known, settings));
    out.extend(outlier_outlets(&known, settings));
    out.extend(
        rows.iter()
            .filter(|r| r.figure.published.is_none())
            .map(|r| Finding::about(Kind::Undated, r.figure, "the article carries no publication date".to_string())),
    );
    out.sort_by(|a, b| {
        (&a.metric, a.published.is_none(), a.published, &a.mention_id, a.kind).cmp(&(
            &b.metric,
            b.published.is_none(),
            b.published,
            &b.mention_id,
            b.kind,
        ))
    });
    out
}

fn deviation_pct(value: Decimal, consensus: Decimal) -> Option<Decimal> {
    if consensus.is_zero() {
        return None;
    }
    let pct = (value.checked_sub(consensus)?).checked_div(consensus)?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(pct.round_dp(2))
}

/// Conflicts and stale figures: a figure off the consensus at its date is
/// stale when an earlier consensus of its metric, since moved on, had its
/// value; otherwise it conflicts.
fn disagreements(rows: &[TimelineRow<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    // The consensus values each metric has had, in date order.
    let mut history: HashMap<&str, Vec<(NaiveDate, &Consensus)>> = HashMap::new();
    for r in rows {
        let (Some(date), Some(c)) = (r.figure.published, &r.consensus) else { continue };
        if c.support < MIN_SUPPORT {
            continue;
        }
        let past = history.entry(r.figure.metric.as_str()).or_default();
        if past.last().is_none_or(|(_, last)| last.amount_usd != c.amount_usd) {
            past.push((date, c));
        }
    }
    for r in rows {
        if r.agrees != Some(false) {
            continue;
        }
        let (Some(c), Some(usd), Some(interval), Some(date)) =
            (&r.consensus, r.figure.amount_usd, r.figure.interval_usd(), r.figure.published)
        else {
            continue;
        };
        let earlier = history.get(r.figure.metric.as_str()).and_then(|past| {
            past.iter()
                .rev()
                .filter(|(d, old)| *d < date && old.amount_usd != c.amount_usd)
                .find(|(_, old)| agree(usd, &interval, old.amount_usd, &old.interval_usd))
        });
        let mut f = match earlier {
            Some((when, old)) => {
                let mut f = Finding::about(
                    Kind::Stale,
                    r.figure,
                    format!("repeats the consensus of {when}; by {date} it had moved on"),
                );
                f.related_mention_id = Some(old.mention_id.clone());
                f
            }
            None => {
                let mut f = Finding::about(
                    Kind::Conflict,
                    r.figure,
                    format!("{} of {} outlets agree on the consensus", c.support, c.voices),
                );
                f.related_mention_id = Some(c.mention_id.clone());
                f
            }
        };
        f.consensus_usd = Some(c.amount_usd);
        f.deviation_pct = deviation_pct(usd, c.amount_usd);
        out.push(f);
    }
    out
}

/// Figures whose number matches another report's number of the same metric
/// in another currency, where the converted values do not agree ("€278
/// billion" where the source said $278 billion). The label most reports of
/// that number use is taken as the right one and each figure under another
/// label is flagged against its earliest report, so the work stays linear
/// however many outlets repeat a number.
fn currency_mislabels(rows: &[TimelineRow<'_>]) -> Vec<Finding> {
    let mut by_number: BTreeMap<(&str, Decimal), BTreeMap<&str, Vec<&TimelineRow<'_>>>> = BTreeMap::new();
    for r in rows {
        by_number
            .entry((r.figure.metric.as_str(), r.figure.amount.normalize()))
            .or_default()
            .entry(r.figure.currency.as_str())
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for by_currency in by_number.values().filter(|c| c.len() > 1) {
        let Some((major, major_rows)) = by_currency.iter().max_by(|a, b| {
            let first = |rows: &Vec<&TimelineRow<'_>>| {
                earliest(rows).map(|f| (f.published.is_some(), std::cmp::Reverse(f.published)))
            };
            (a.1.len(), first(a.1)).cmp(&(b.1.len(), first(b.1)))
        }) else {
            continue;
        };
        let Some(reference) = earliest(major_rows) else { continue };
        let (Some(ref_usd), Some(ref_interval)) = (reference.amount_usd, reference.interval_usd()) else { continue };
        for (_, minority) in by_currency.iter().filter(|(c, _)| *c != major) {
            for r in minority {
                let (Some(usd), Some(interval)) = (r.figure.amount_usd, r.figure.interval_usd()) else { continue };
                if agree(usd, &interval, ref_usd, &ref_interval) {
                    continue;
                }
                let mut f = Finding::about(
                    Kind::CurrencyMislabel,
                    r.figure,
                    format!(
                        "the same number as {} {} reported in {}",
                        reference.outlet.as_deref().unwrap_or("another report"),
                        reference.published.map(|d| format!("on {d}")).unwrap_or_else(|| "(undated)".into()),
                        reference.currency
                    ),
                );
                f.related_mention_id = Some(reference.mention_id.clone());
                if let Some(c) = &r.consensus {
                    f.consensus_usd = Some(c.amount_usd);
                    f.deviation_pct = deviation_pct(usd, c.amount_usd);
                }
                out.push(f);
            }
        }
    }
    out
}

/// The first report among `rows`, undated ones last.
fn earliest<'a>(rows: &[&TimelineRow<'a>]) -> Option<&'a Figure> {
    rows.iter().map(|r| r.figure).min_by(|a, b| {
        (a.published.is_none(), a.published, &a.mention_id).cmp(&(b.published.is_none(), b.published, &b.mention_id))
    })
}

/// Figures attributed to no one in a metric where other articles within the
/// window cite a source; the related row is the sourced figure nearest in
/// time (the nearest on either side). Undated figures are never near
/// anything.
fn unsourced(rows: &[TimelineRow<'_>], settings: &Settings) -> Vec<Finding> {
    // Dated sourced figures per metric, by date, so the nearest is found by
    // a binary search and a short walk, not a scan of the metric.
    let mut sourced: HashMap<&str, Vec<(NaiveDate, &Figure)>> = HashMap::new();
    for r in rows.iter().filter(|r| r.figure.source.is_some()) {
        if let Some(date) = r.figure.published {
            sourced.entry(r.figure.metric.as_str()).or_default().push((date, r.figure));
        }
    }
    for cited in sourced.values_mut() {
        cited.sort_by(|a, b| (a.0, &a.1.mention_id).cmp(&(b.0, &b.1.mention_id)));
    }
    rows.iter()
        .filter(|r| r.figure.source.is_none())
        .filter_map(|r| {
            let date = r.figure.published?;
            let cited = sourced.get(r.figure.metric.as_str())?;
            let gap = |g: &(NaiveDate, &Figure)| (g.0 - date).num_days().abs();
            // Another article's attribution: one article that names its
            // source once and then repeats the figure is not unsourced.
            let other = |g: &&(NaiveDate, &Figure)| g.1.article_id != r.figure.article_id;
            let at = cited.partition_point(|g| g.0 < date);
            let before = cited[..at].iter().rev().take_while(|g| gap(g) < settings.window_days).find(other);
            let after = cited[at..].iter().take_while(|g| gap(g) < settings.window_days).find(other);
            let nearest = [before, after].into_iter().flatten().min_by_key(|g| (gap(g), &g.1.mention_id))?.1;
            let mut f = Finding::about(
                Kind::Unsourced,
                r.figure,
                format!("no source named; others of this metric cite {}", nearest.source.as_deref().unwrap_or("")),
            );
            f.related_mention_id = Some(nearest.mention_id.clone());
            Some(f)
        })
        .collect()
}

/// The order a package moves through; a transition goes forward.
fn class_rank(class: &str) -> Option<u8> {
    match class {
        "pending" => Some(0),
        "enacted" | "promised" => Some(1),
        "allocated" => Some(2),
        "delivered" => Some(3),
        _ => None,
    }
}

/// A metric key without its status class, and the class's rank.
fn package_key(metric: &str) -> Option<(&str, u8)> {
    let (rest, class) = metric.rsplit_once('/')?;
    Some((rest, class_rank(class)?))
}

/// The same package in a later, further status class: the first figure of
/// the later class after an earlier-class figure within tolerance, linked
/// to the latest earlier-class figure before it.
fn transitions(rows: &[TimelineRow<'_>], settings: &Settings) -> Vec<Finding> {
    let mut by_package: BTreeMap<&str, Vec<(u8, &Figure)>> = BTreeMap::new();
    for r in rows {
        let (Some((key, rank)), Some(_), Some(_)) =
            (package_key(&r.figure.metric), r.figure.published, r.figure.amount_usd)
        else {
            continue;
        };
        by_package.entry(key).or_default().push((rank, r.figure));
    }
    let close = |a: Decimal, b: Decimal| deviation_pct(a, b).is_some_and(|pct| pct.abs() <= settings.transition_pct);
    let mut out = Vec::new();
    for figures in by_package.values_mut() {
        figures.sort_by(|a, b| (a.1.published, &a.1.mention_id).cmp(&(b.1.published, &b.1.mention_id)));
        // Each (earlier figure's metric, later metric, rough value) is
        // reported once: at the first figure that makes the move.
        let mut reported: Vec<(&str, &str, Decimal)> = Vec::new();
        // A figure can only move a package on if some earlier figure was in
        // a lower class: skip the search otherwise (most packages never
        // change class, and the search looks back over the whole package).
        let mut lowest_seen = u8::MAX;
        for (i, (rank, later)) in figures.iter().enumerate() {
            let can_move = lowest_seen < *rank;
            lowest_seen = lowest_seen.min(*rank);
            if !can_move {
                continue;
            }
            let later_usd = later.amount_usd.unwrap_or_default();
            let before = figures[..i].iter().rev().find(|(r, earlier)| {
                r < rank
                    && earlier.published < later.published
                    && close(later_usd, earlier.amount_usd.unwrap_or_default())
            });
            let Some((_, earlier)) = before else { continue };
            let seen = reported.iter().any(|(from, to, v)| {
                *from == earlier.metric.as_str() && *to == later.metric.as_str() && close(later_usd, *v)
            });
            if seen {
                continue;
            }
            reported.push((earlier.metric.as_str(), later.metric.as_str(), later_usd));
            let from_class = earlier.metric.rsplit('/').next().unwrap_or("");
            let to_class = later.metric.rsplit('/').next().unwrap_or("");
            let mut f = Finding::about(
                Kind::Transition,
                later,
                format!(
                    "{from_class} {} {} on {} → {to_class} {} {} on {}",
                    earlier.amount.normalize(),
                    earlier.currency,
                    earlier.published.map(|d| d.to_string()).unwrap_or_default(),
                    later.amount.normalize(),
                    later.currency,
                    later.published.map(|d| d.to_string()).unwrap_or_default(),
                ),
            );
            f.related_mention_id = Some(earlier.mention_id.clone());
            out.push(f);
        }
    }
    out
}

/// Outlets whose figures conflict with consensus far more often than the
/// others' do. One finding per outlet, naming no single row.
fn outlier_outlets(rows: &[TimelineRow<'_>], settings: &Settings) -> Vec<Finding> {
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in rows {
        let (Some(outlet), Some(agrees)) = (r.figure.outlet.as_deref(), r.agrees) else { continue };
        let t = tally.entry(outlet).or_default();
        t.0 += 1;
        t.1 += usize::from(!agrees);
    }
    let (all_compared, all_off) = tally.values().fold((0, 0), |acc, t| (acc.0 + t.0, acc.1 + t.1));
    let mut out = Vec::new();
    for (outlet, &(compared, off)) in &tally {
        let (rest_compared, rest_off) = (all_compared - compared, all_off - off);
        if compared < settings.outlier_min_figures || rest_compared == 0 {
            continue;
        }
        let rate = Decimal::from(off) / Decimal::from(compared);
        let rest_rate = Decimal::from(rest_off) / Decimal::from(rest_compared);
        if rate * Decimal::TWO >= Decimal::ONE && rate >= rest_rate * settings.outlier_ratio && rate > rest_rate {
            out.push(Finding {
                kind: Kind::OutlierOutlet,
                metric: String::new(),
                outlet: Some(outlet.to_string()),
                published: None,
                article_id: None,
                mention_id: None,
                amount: None,
                currency: None,
                amount_usd: None,
                consensus_usd: None,
                deviation_pct: None,
                related_mention_id: None,
                detail: format!(
                    "{off} of {compared} figures off consensus ({}%), against {}% for the other outlets",
                    (rate * Decimal::ONE_HUNDRED).round_dp(0),
                    (rest_rate * Decimal::ONE_HUNDRED).round_dp(0)
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::testkit::{fig, usd};
    use crate::reconcile::timeline::{timelines, DEFAULT_WINDOW_DAYS};

    fn run(figures: &[Figure]) -> Vec<Finding> {
        findings(&timelines(figures, DEFAULT_WINDOW_DAYS), &Settings::default())
    }

    fn kinds_of(found: &[Finding], kind: Kind) -> Vec<&str> {
        found.iter().filter(|f| f.kind == kind).filter_map(|f| f.mention_id.as_deref()).collect()
    }

    #[test]
    fn figures_within_stated_precision_raise_nothing() {
        let found = run(&[
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$60.8 billion", "60800000000"),
            usd("c", "Gamma", "2024-04-26", "$61 billion", "61000000000"),
        ]);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_figure_off_consensus_conflicts_with_its_deviation() {
        let found = run(&[
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
            usd("c", "Gamma", "2024-04-26", "$60 billion", "60000000000"),
        ]);
        let conflicts: Vec<&Finding> = found.iter().filter(|f| f.kind == Kind::Conflict).collect();
        assert_eq!(conflicts.len(), 1, "{found:#?}");
        let c = conflicts[0];
        assert_eq!(c.mention_id.as_deref(), Some("c"));
        assert_eq!(c.consensus_usd.map(|v| v.normalize().to_string()).as_deref(), Some("61000000000"));
        assert_eq!(c.deviation_pct.map(|v| v.to_string()).as_deref(), Some("-1.64"));
        assert!(c.related_mention_id.is_some());
    }

    #[test]
    fn an_old_total_quoted_after_the_timeline_moved_is_stale_not_a_conflict() {
        let found = run(&[
            usd("a1", "Alpha", "2024-01-10", "$113 billion", "113000000000"),
            usd("b1", "Beta", "2024-01-11", "$113 billion", "113000000000"),
            usd("a2", "Alpha", "2024-02-01", "$175 billion", "175000000000"),
            usd("b2", "Beta", "2024-02-02", "$175 billion", "175000000000"),
            usd("c", "Gamma", "2024-02-03", "$113 billion", "113000000000"),
        ]);
        assert_eq!(kinds_of(&found, Kind::Stale), ["c"], "{found:#?}");
        assert!(kinds_of(&found, Kind::Conflict).is_empty(), "{found:#?}");
        let stale = found.iter().find(|f| f.kind == Kind::Stale).unwrap();
        // The latest report of the old consensus (both agreed; the later wins).
        assert_eq!(stale.related_mention_id.as_deref(), Some("b1"));
    }

    #[test]
    fn the_same_number_under_another_currency_is_a_mislabel() {
        let found = run(&[
            usd("a", "Alpha", "2024-02-01", "$278 billion", "278000000000"),
            usd("b", "Beta", "2024-02-02", "$278 billion", "278000000000"),
            // €278 billion at 1.08 would be $300 billion: not the same figure.
            fig("c", "Gamma", "2024-02-03", "€278 billion", "278000000000", "EUR", "1.08"),
        ]);
        assert_eq!(kinds_of(&found, Kind::CurrencyMislabel), ["c"], "{found:#?}");
        let m = found.iter().find(|f| f.kind == Kind::CurrencyMislabel).unwrap();
        assert_eq!(m.related_mention_id.as_deref(), Some("a"));
        // A euro figure that converts to the dollar one is no mislabel.
        let found = run(&[
            usd("a", "Alpha", "2024-02-01", "$54 billion", "54000000000"),
            fig("c", "Gamma", "2024-02-03", "€54 billion", "54000000000", "EUR", "1"),
        ]);
        assert!(kinds_of(&found, Kind::CurrencyMislabel).is_empty(), "{found:#?}");
    }

    #[test]
    fn a_figure_with_no_source_among_sourced_ones_is_unsourced() {
        let mut a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        a.source = Some("US Congress".into());
        let b = usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000");
        let found = run(&[a, b]);
        assert_eq!(kinds_of(&found, Kind::Unsourced), ["b"], "{found:#?}");
        // When nobody cites a source, nobody is singled out.
        let found = run(&[
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
        ]);
        assert!(kinds_of(&found, Kind::Unsourced).is_empty());
    }

    #[test]
    fn a_package_moving_from_pending_to_enacted_is_one_transition() {
        let mut pending = usd("p", "Alpha", "2024-03-10", "$60 billion", "60000000000");
        pending.metric = "united-states/ukraine/total/pending".into();
        let mut pending_again = usd("p2", "Beta", "2024-03-20", "$60 billion", "60000000000");
        pending_again.metric = pending.metric.clone();
        let enacted = usd("e", "Gamma", "2024-04-24", "$61 billion", "61000000000");
        let enacted_again = usd("e2", "Delta", "2024-04-25", "$61 billion", "61000000000");
        // A different, much smaller figure is not the same package.
        let other = usd("o", "Delta", "2024-04-26", "$2 billion", "2000000000");
        let found = run(&[pending, pending_again, enacted, enacted_again, other]);
        assert_eq!(kinds_of(&found, Kind::Transition), ["e"], "{found:#?}");
        let t = found.iter().find(|f| f.kind == Kind::Transition).unwrap();
        assert_eq!(t.related_mention_id.as_deref(), Some("p2"));
        assert!(t.detail.starts_with("pending 60000000000 USD on 2024-03-20 → enacted"), "{}", t.detail);
    }

    #[test]
    fn an_outlet_off_consensus_far_more_than_others_is_an_outlier() {
        let mut figures = Vec::new();
        for (i, date) in ["2024-01-05", "2024-03-05", "2024-05-05", "2024-07-05"].iter().enumerate() {
            figures.push(usd(&format!("a{i}"), "Alpha", date, "$61 billion", "61000000000"));
            figures.push(usd(&format!("b{i}"), "Beta", date, "$61 billion", "61000000000"));
            figures.push(usd(&format!("c{i}"), "Gamma", date, "$61 billion", "61000000000"));
            figures.push(usd(&format!("x{i}"), "Xeta", date, "$70 billion", "70000000000"));
        }
        let found = run(&figures);
        let outliers: Vec<&str> =
            found.iter().filter(|f| f.kind == Kind::OutlierOutlet).filter_map(|f| f.outlet.as_deref()).collect();
        assert_eq!(outliers, ["Xeta"], "{found:#?}");
        assert_eq!(kinds_of(&found, Kind::Conflict).len(), 4);
    }

    #[test]
    fn undated_figures_are_reported_not_dated() {
        let found = run(&[
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("u", "Weekly", "no date", "$61 billion", "61000000000"),
        ]);
        assert_eq!(kinds_of(&found, Kind::Undated), ["u"]);
        let u = found.iter().find(|f| f.kind == Kind::Undated).unwrap();
        assert_eq!(u.published, None);
    }
}
