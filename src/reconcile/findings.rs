//! The checks reconciliation runs over a ledger's timelines. Each check
//! looks at every figure and yields all it finds; none stops at the first.
//! The checks that stay within a metric run on the metrics in parallel.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::figure::{number_key, ArticleId, Figure};
use super::timeline::{Consensus, Timeline, TimelineRow, MIN_SUPPORT};
use super::tolerance::{agree, Interval};
use crate::labels::{MetricKey, StatusClass};

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
    /// Close to another outlet's figure of the same metric but outside its
    /// stated precision, where no consensus decides between them (too few
    /// voices, or an undated report: "$60 billion" against "$60.8 billion").
    Discrepancy,
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
            Kind::Discrepancy => "discrepancy",
            Kind::Undated => "undated",
        }
    }
}

/// What a finding's detail column says, kept as data and written out only
/// when the finding is: a large ledger raises millions of findings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Detail<'a> {
    /// How many of the window's voices back the consensus.
    Conflict {
        support: u32,
        voices: u32,
    },
    /// The date of the earlier consensus the figure repeats.
    Stale {
        consensus_of: NaiveDate,
    },
    /// The related figure is the report under the usual label.
    CurrencyMislabel,
    /// The related figure is the nearest one that names a source.
    Unsourced,
    /// The related figure is the package in its earlier class; the two
    /// classes, from the earlier to the later.
    Transition {
        from: StatusClass,
        to: StatusClass,
    },
    /// The outlet; its figures off consensus, of those compared, and the
    /// same for every other outlet together.
    OutlierOutlet {
        outlet: &'a str,
        off: u32,
        compared: u32,
        rest_off: u32,
        rest_compared: u32,
    },
    /// The related figure is the nearby value; how far apart, in percent
    /// of it.
    Discrepancy {
        apart_pct: Decimal,
    },
    Undated,
}

/// One finding, naming the row that raises it and, where there is one, the
/// row it is measured against.
/// Kept small (a few pointers): a large ledger raises millions.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'a> {
    pub kind: Kind,
    /// The figure the finding is about; None for an outlet.
    pub figure: Option<&'a Figure<'a>>,
    /// The figure stating the consensus the figure was measured against.
    pub consensus: Option<&'a Figure<'a>>,
    pub related: Option<&'a Figure<'a>>,
    pub detail: Detail<'a>,
}

impl<'a> Finding<'a> {
    fn about(kind: Kind, f: &'a Figure<'a>, detail: Detail<'a>) -> Finding<'a> {
        Finding { kind, figure: Some(f), consensus: None, related: None, detail }
    }

    fn against(self, c: &Consensus<'a>) -> Finding<'a> {
        Finding { consensus: Some(c.figure), ..self }
    }

    /// Asks the processor to fetch the text this finding's row is written
    /// from. Findings come in timeline order, their text lies in ledger row
    /// order: written one after another, each name read was a wait on
    /// memory (a quarter of the samples of `reconcile --format csv` on ten
    /// million rows). Fetched a few findings ahead, the waits overlap. A
    /// hint only: it changes nothing that is read.
    pub fn prefetch(&self) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let fetch = |s: &str| {
                // SAFETY: prefetching is a hint that never faults, and the
                // address is that of a live string.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(s.as_ptr().cast()) }
            };
            if let Some(f) = self.figure {
                fetch(f.mention_id);
                fetch(f.article_id.as_str());
                fetch(f.currency);
                if let Some(outlet) = f.outlet {
                    fetch(outlet);
                }
            }
            if let Some(r) = self.related {
                fetch(r.mention_id);
            }
        }
    }

    /// The figure's metric; empty for a finding about an outlet.
    pub fn metric(&self) -> &'a str {
        self.figure.map_or("", |f| f.metric)
    }

    pub fn outlet(&self) -> Option<&'a str> {
        match self.detail {
            Detail::OutlierOutlet { outlet, .. } => Some(outlet),
            _ => self.figure.and_then(|f| f.outlet),
        }
    }

    pub fn consensus_usd(&self) -> Option<Decimal> {
        self.consensus.and_then(|c| c.amount_usd)
    }

    /// (figure − consensus) / consensus, in percent, two decimals.
    pub fn deviation_pct(&self) -> Option<Decimal> {
        deviation_pct(self.figure?.amount_usd?, self.consensus_usd()?)
    }

    pub fn published(&self) -> Option<NaiveDate> {
        self.figure.and_then(|f| f.published)
    }

    pub fn mention_id(&self) -> Option<&'a str> {
        self.figure.map(|f| f.mention_id)
    }

    pub fn related_mention_id(&self) -> Option<&'a str> {
        self.related.map(|f| f.mention_id)
    }
}

fn date_or_undated(d: Option<NaiveDate>) -> String {
    d.map(|d| format!("on {d}")).unwrap_or_else(|| "(undated)".into())
}

impl fmt::Display for Finding<'_> {
    /// The detail column: the finding in words.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let related = self.related;
        match self.detail {
            Detail::Conflict { support, voices } => {
                write!(out, "{support} of {voices} outlets agree on the consensus")
            }
            Detail::Stale { consensus_of } => write!(
                out,
                "repeats the consensus of {consensus_of}; by {} it had moved on",
                self.published().map(|d| d.to_string()).unwrap_or_default()
            ),
            Detail::CurrencyMislabel => match related {
                Some(r) => write!(
                    out,
                    "the same number as {} {} reported in {}",
                    r.outlet.unwrap_or("another report"),
                    date_or_undated(r.published),
                    r.currency
                ),
                None => write!(out, "the same number as another report in another currency"),
            },
            Detail::Unsourced => write!(
                out,
                "no source named; others of this metric cite {}",
                related.and_then(|r| r.source).unwrap_or("a source")
            ),
            Detail::Transition { from: from_class, to: to_class } => match (related, self.figure) {
                (Some(from), Some(to)) => write!(
                    out,
                    "{} {} {} {} → {} {} {} {}",
                    from_class,
                    from.amount.normalize(),
                    from.currency,
                    date_or_undated(from.published),
                    to_class,
                    to.amount.normalize(),
                    to.currency,
                    date_or_undated(to.published),
                ),
                _ => write!(out, "the package moved on"),
            },
            Detail::OutlierOutlet { off, compared, rest_off, rest_compared, .. } => {
                let pct = |a: u32, b: u32| {
                    if b == 0 {
                        Decimal::ZERO
                    } else {
                        (Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(b)).round_dp(0)
                    }
                };
                write!(
                    out,
                    "{off} of {compared} figures off consensus ({}%), against {}% for the other outlets",
                    pct(off, compared),
                    pct(rest_off, rest_compared)
                )
            }
            Detail::Discrepancy { apart_pct } => match related {
                Some(r) => write!(
                    out,
                    "{apart_pct}% from {} {} {} {}; neither within the other's stated precision, no consensus to decide",
                    r.outlet.unwrap_or("another report"),
                    r.amount.normalize(),
                    r.currency,
                    date_or_undated(r.published),
                ),
                None => write!(out, "{apart_pct}% from another report"),
            },
            Detail::Undated => write!(out, "the article carries no publication date"),
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

/// The finding columns that hold numbers the tool computed.
pub const NUMERIC_COLUMNS: [&str; 4] = ["amount", "amount_usd", "consensus_usd", "deviation_pct"];

impl Finding<'_> {
    /// The cells in `COLUMNS` order; None is an empty cell. Amounts are
    /// plain decimal strings ("61000000000"), never floats or exponents.
    pub fn cells(&self) -> [Option<String>; 13] {
        let num = |v: Option<Decimal>| v.map(|v| v.normalize().to_string());
        let f = self.figure;
        [
            Some(self.kind.as_str().to_string()),
            Some(self.metric().to_string()).filter(|m| !m.is_empty()),
            self.outlet().map(str::to_string),
            self.published().map(|d| d.to_string()),
            f.map(|f| f.article_id.as_str().to_string()),
            f.map(|f| f.mention_id.to_string()),
            num(f.map(|f| f.amount)),
            f.map(|f| f.currency.to_string()),
            num(f.and_then(|f| f.amount_usd).map(|v| v.round_dp(2))),
            num(self.consensus_usd().map(|v| v.round_dp(2))),
            self.deviation_pct().map(|v| v.to_string()),
            self.related_mention_id().map(str::to_string),
            Some(self.to_string()),
        ]
    }
}

impl Finding<'_> {
    /// The finding as a CSV record in `COLUMNS` order, the same bytes the
    /// csv crate writes for `cells` (text escaped against formulas, numbers
    /// as they are); `scratch` holds the detail while it is written.
    pub fn write_csv(&self, out: &mut Vec<u8>, scratch: &mut String) {
        use crate::output::CsvRecord;
        use std::fmt::Write;
        let mut rec = CsvRecord::new(out);
        let text = |rec: &mut CsvRecord<'_>, v: Option<&str>| match v {
            Some(v) => rec.text(v),
            None => rec.empty(),
        };
        let value = |rec: &mut CsvRecord<'_>, v: Option<&dyn fmt::Display>| match v {
            Some(v) => rec.value(v),
            None => rec.empty(),
        };
        let f = self.figure;
        let decimal = |rec: &mut CsvRecord<'_>, v: Option<Decimal>| match v {
            Some(v) => rec.decimal(v),
            None => rec.empty(),
        };
        // Dollar values to the cent (the ledger keeps them so; rounding
        // only what carries more places).
        let cents = |v: Decimal| if v.scale() > 2 { v.round_dp(2) } else { v };
        rec.text(self.kind.as_str());
        text(&mut rec, Some(self.metric()).filter(|m| !m.is_empty()));
        text(&mut rec, self.outlet());
        match self.published() {
            Some(d) => rec.date(d),
            None => rec.empty(),
        }
        text(&mut rec, f.map(|f| f.article_id.as_str()));
        text(&mut rec, f.map(|f| f.mention_id));
        decimal(&mut rec, f.map(|f| f.amount));
        text(&mut rec, f.map(|f| f.currency));
        decimal(&mut rec, f.and_then(|f| f.amount_usd).map(cents));
        decimal(&mut rec, self.consensus_usd().map(cents));
        value(&mut rec, self.deviation_pct().as_ref().map(|v| v as &dyn fmt::Display));
        text(&mut rec, self.related_mention_id());
        scratch.clear();
        let _ = write!(scratch, "{self}");
        rec.text(scratch);
        rec.end();
    }
}

/// How the checks are tuned.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Two figures in neighbouring status classes are one package moving
    /// when they are within this many percent of each other.
    pub transition_pct: Decimal,
    /// ... and no more than this many days apart: a package passes from
    /// one status to the next within months; figures further apart that
    /// happen to be close are different packages.
    pub transition_days: i64,
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
    /// Two figures of a metric within this many percent of each other
    /// that do not agree are a discrepancy when no consensus decides.
    pub discrepancy_pct: Decimal,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            transition_pct: Decimal::from(10),
            transition_days: 365,
            discrepancy_pct: Decimal::from(5),
            outlier_min_figures: 3,
            outlier_ratio: Decimal::TWO,
            window_days: super::timeline::DEFAULT_WINDOW_DAYS,
        }
    }
}

/// Findings of one metric, each with the index of its row on the
/// metric's timeline: listing them in timeline order is then a sort of
/// small numbers.
type Found<'a> = Vec<(u32, Finding<'a>)>;

/// Every finding, in the order they are listed: outlets first, then metric
/// by metric in timeline order (by date, undated figures last). Kept in the
/// pieces the checks made them in: gathering millions into one vector would
/// only copy them.
#[derive(Debug, Clone, Default)]
pub struct Findings<'a> {
    pieces: Vec<Vec<Finding<'a>>>,
}

impl<'a> Findings<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &Finding<'a>> + '_ {
        self.pieces.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The pieces, in order; each is listed whole before the next.
    pub fn pieces(&self) -> &[Vec<Finding<'a>>] {
        &self.pieces
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&Finding<'a>) -> bool) {
        for piece in &mut self.pieces {
            piece.retain(&mut keep);
        }
    }

    pub fn into_vec(self) -> Vec<Finding<'a>> {
        self.pieces.into_iter().flatten().collect()
    }
}

/// Every finding of every check.
pub fn findings<'a>(timelines: &'a [Timeline<'_>], settings: &Settings) -> Findings<'a> {
    let moved = transitions(timelines, settings);
    let per_metric = timelines.par_iter().map(|t| {
        // Most figures raise one finding or none: room for one each spares
        // the vector growing (and the memory it would leave behind).
        let mut out = Vec::with_capacity(t.len());
        if t.is_reconcilable() {
            let rows: Vec<TimelineRow<'a>> = t.rows().collect();
            disagreements(&rows, &mut out);
            currency_mislabels(&rows, &mut out);
            unsourced(&rows, settings, &mut out);
            discrepancies(&rows, settings, &mut out);
            if let Some(found) = moved.get(t.metric) {
                out.extend(found.iter().cloned());
            }
        }
        out.extend(
            (t.dated()..t.len()).map(|i| (i as u32, Finding::about(Kind::Undated, &t.figures[i], Detail::Undated))),
        );
        // Each check found its figures in timeline order: a stable sort
        // merges the runs. The row numbers are dropped in place.
        out.sort_by_key(|(i, f)| (*i, f.kind));
        out.into_iter().map(|(_, f)| f).collect::<Vec<Finding<'a>>>()
    });
    let mut pieces = vec![outlier_outlets(timelines, settings)];
    pieces.par_extend(per_metric);
    Findings { pieces }
}

fn deviation_pct(value: Decimal, consensus: Decimal) -> Option<Decimal> {
    if consensus.is_zero() {
        return None;
    }
    let pct = (value.checked_sub(consensus)?).checked_div(consensus)?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(pct.round_dp(2))
}

/// Conflicts and stale figures of one metric: a figure off the consensus
/// at its date is stale when an earlier consensus, since moved on, had its
/// value; otherwise it conflicts.
fn disagreements<'a>(rows: &[TimelineRow<'a>], out: &mut Found<'a>) {
    // The consensus values the metric has had so far, each at the last
    // date it held, in that order: a value the consensus returns to moves
    // to the end, so the list stays as short as the values are few.
    let mut history: Vec<(NaiveDate, Consensus<'a>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let (Some(date), Some(c)) = (r.figure.published, r.consensus) else { continue };
        if c.support >= MIN_SUPPORT && history.last().is_none_or(|(_, last)| last.amount_usd() != c.amount_usd()) {
            history.retain(|(_, old)| old.amount_usd() != c.amount_usd());
            history.push((date, c));
        }
        if r.agrees != Some(false) {
            continue;
        }
        let Some((usd, interval)) = r.figure.usd() else { continue };
        let earlier = history.iter().rev().find(|(d, old)| {
            *d < date
                && old.amount_usd() != c.amount_usd()
                && agree(usd, &interval, old.amount_usd(), &old.interval_usd())
        });
        let f = match earlier {
            Some((when, old)) => Finding {
                related: Some(old.figure),
                ..Finding::about(Kind::Stale, r.figure, Detail::Stale { consensus_of: *when })
            },
            // Far off and in other digits, it is a part of the quantity ("a
            // first package worth up to $1 billion" beside the $61 billion
            // law), not a report of it. The same digits far off are a slip
            // of scale ("$61 million"), and that conflicts.
            None if is_a_part(r.figure, c.figure) => continue,
            None => Finding {
                related: Some(c.figure),
                ..Finding::about(
                    Kind::Conflict,
                    r.figure,
                    Detail::Conflict { support: c.support as u32, voices: c.voices as u32 },
                )
            },
        };
        out.push((i as u32, f.against(&c)));
    }
}

/// How many times larger or smaller than the consensus a figure may be and
/// still be a report of the same quantity. Reporters round and disagree by
/// a few percent; a tranche or one part of a package is a fraction of it.
const PART_RATIO: Decimal = Decimal::from_parts(3, 0, 0, false, 0);

/// Whether `figure` measures a part of what `consensus` states: over
/// `PART_RATIO` apart in dollars, and written with other significant digits.
fn is_a_part(figure: &Figure<'_>, consensus: &Figure<'_>) -> bool {
    let (Some(a), Some(b)) = (figure.amount_usd, consensus.amount_usd) else { return false };
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let far = lo.is_zero() || lo.checked_mul(PART_RATIO).is_some_and(|l| l < hi);
    far && significant_digits(figure.amount) != significant_digits(consensus.amount)
}

/// The digits of a number without its scale: 61 billion and 61 million both
/// give 61, 60.8 billion gives 608.
fn significant_digits(amount: Decimal) -> u128 {
    let mut m = amount.normalize().mantissa().unsigned_abs();
    while m != 0 && m.is_multiple_of(10) {
        m /= 10;
    }
    m
}

/// Figures whose number matches another report's number of the same metric
/// in another currency ("€278 billion" where the source said $278 billion).
/// The same digits under two currencies are one figure under a wrong label,
/// however coarsely it is written: "$7 billion" could stand for €7 billion
/// converted and rounded, but an outlet that converts writes its own digits.
/// Only currencies near par at the time (converted values within
/// `NEAR_PAR_PCT`) leave the digits saying nothing.
///
/// The right label is the one most reports of that number use, then the one
/// most reports of the metric use, then the earliest. Each figure under
/// another label is flagged against the earliest report under the right
/// one, which is also the value it is measured against: never the figure
/// itself. The work stays linear however many outlets repeat a number.
fn currency_mislabels<'a>(rows: &[TimelineRow<'a>], out: &mut Found<'a>) {
    // The metric's labels, numbered (a handful: compared, not hashed), and
    // how many reports use each.
    let mut names: Vec<(u64, usize)> = Vec::new();
    let labelled: Vec<u8> = rows
        .iter()
        .map(|r| match names.iter().position(|n| n.0 == r.figure.currency_key) {
            Some(at) => {
                names[at].1 += 1;
                at as u8
            }
            None if names.len() < usize::from(u8::MAX) => {
                names.push((r.figure.currency_key, 1));
                names.len() as u8 - 1
            }
            None => u8::MAX,
        })
        .collect();
    if names.len() < 2 {
        return;
    }
    let in_metric = |label: u8| names.get(usize::from(label)).map_or(0, |n| n.1);
    let numbers: Vec<u128> = rows.iter().map(|r| number_key(r.figure.amount)).collect();
    // Per number and label: how many reports, and the first (rows are in
    // timeline order, so the first seen is the earliest).
    let mut labels: FxHashMap<(u128, u8), (usize, usize)> = FxHashMap::default();
    for (i, key) in numbers.iter().zip(&labelled).enumerate() {
        labels.entry((*key.0, *key.1)).or_insert((0, i)).0 += 1;
    }
    // Per number: how many labels, and the right one's first report.
    let mut usual: FxHashMap<u128, (usize, u8, usize, usize)> = FxHashMap::default();
    let rank = |label: u8, count: usize, first: usize| (count, in_metric(label), std::cmp::Reverse(first));
    for (&(number, label), &(count, first)) in &labels {
        let e = usual.entry(number).or_insert((0, label, count, first));
        e.0 += 1;
        if rank(label, count, first) > rank(e.1, e.2, e.3) {
            (e.1, e.2, e.3) = (label, count, first);
        }
    }
    usual.retain(|_, u| u.0 > 1);
    if usual.is_empty() {
        return;
    }
    for (i, r) in rows.iter().enumerate() {
        let Some(&(_, label, _, first)) = usual.get(&numbers[i]) else { continue };
        if labelled[i] == label {
            continue;
        }
        let reference = rows[first].figure;
        let (Some(usd), Some(ref_usd)) = (r.figure.amount_usd, reference.amount_usd) else { continue };
        if deviation_pct(usd, ref_usd).is_none_or(|pct| pct.abs() <= NEAR_PAR_PCT) {
            continue;
        }
        let f = Finding {
            related: Some(reference),
            consensus: Some(reference),
            ..Finding::about(Kind::CurrencyMislabel, r.figure, Detail::CurrencyMislabel)
        };
        out.push((i as u32, f));
    }
}

/// How close (percent) two currencies may stand for the same digits to
/// name the same money in both: a dollar figure and a euro figure at 1.00
/// are the same money, at 1.07 they are not.
const NEAR_PAR_PCT: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// Figures of one metric attributed to no one where other articles within
/// the window cite a source; the related row is the sourced figure nearest
/// in time (the nearest on either side). Undated figures are never near
/// anything.
fn unsourced<'a>(rows: &[TimelineRow<'a>], settings: &Settings, out: &mut Found<'a>) {
    // The dated sourced figures, in date order (the timeline's), so the
    // nearest is found by a short walk from where the date falls.
    let cited: Vec<(NaiveDate, &'a Figure<'a>)> = rows
        .iter()
        .filter(|r| r.figure.source.is_some())
        .filter_map(|r| Some((r.figure.published?, r.figure)))
        .collect();
    if cited.is_empty() {
        return;
    }
    // Where the cited figures of a date begin; dates only grow along the
    // timeline.
    let mut at = 0;
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.figure.source.is_none()) {
        let Some(date) = r.figure.published else { continue };
        let gap = |g: &(NaiveDate, &Figure<'_>)| (g.0 - date).num_days().abs();
        // Another article's attribution: one article that names its source
        // once and then repeats the figure is not unsourced.
        let other = |g: &&(NaiveDate, &Figure<'_>)| g.1.article_id != r.figure.article_id;
        while at < cited.len() && cited[at].0 < date {
            at += 1;
        }
        let before = cited[..at].iter().rev().take_while(|g| gap(g) < settings.window_days).find(other);
        let after = cited[at..].iter().take_while(|g| gap(g) < settings.window_days).find(other);
        let Some(nearest) = [before, after].into_iter().flatten().min_by_key(|g| (gap(g), g.1.mention_id)) else {
            continue;
        };
        out.push((
            i as u32,
            Finding { related: Some(nearest.1), ..Finding::about(Kind::Unsourced, r.figure, Detail::Unsourced) },
        ));
    }
}

/// Figures that no consensus judges (fewer than two voices behind it at
/// their date, or no date at all), each set against the nearest value of
/// its metric that another outlet reported and no consensus judged either,
/// when the two are close but neither is within the other's stated
/// precision. Each pair of articles is reported once. Undated reports take
/// part without being given a date: two reports of a value need no dates
/// to differ. The metric's distinct values are few, so each figure is held
/// against those, not against every other figure.
fn discrepancies<'a>(rows: &[TimelineRow<'a>], settings: &Settings, out: &mut Found<'a>) {
    // A figure a consensus judged is a conflict or agrees: it takes no part.
    let undecided = |r: &TimelineRow<'_>| r.figure.published.is_none() || r.agrees.is_none();
    // The distinct values of the undecided, each with the figures stating it.
    let mut values: Vec<(Decimal, Interval, Vec<&'a Figure<'a>>)> = Vec::new();
    let mut index: FxHashMap<(u128, Option<u128>, Option<u128>), usize> = FxHashMap::default();
    for r in rows.iter().filter(|r| undecided(r)) {
        let (Some((usd, interval)), Some(key)) = (r.figure.usd(), r.figure.value_key()) else { continue };
        let at = *index.entry(key).or_insert_with(|| {
            values.push((usd, interval, Vec::new()));
            values.len() - 1
        });
        values[at].2.push(r.figure);
    }
    if values.len() < 2 {
        return;
    }
    let near = |a: Decimal, b: Decimal| deviation_pct(a, b).is_some_and(|p| p.abs() <= settings.discrepancy_pct);
    // Articles already set against each other, either way round.
    let mut reported: FxHashSet<(ArticleId<'_>, ArticleId<'_>)> = FxHashSet::default();
    for (i, r) in rows.iter().enumerate() {
        let Some((usd, interval)) = r.figure.usd().filter(|_| undecided(r)) else { continue };
        let other = |g: &&&Figure<'_>| {
            g.outlet != r.figure.outlet
                && g.story != r.figure.story
                && match (g.published, r.figure.published) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() < settings.window_days,
                    _ => true,
                }
        };
        let nearest = values
            .iter()
            .filter(|(v, vi, _)| near(usd, *v) && !agree(usd, &interval, *v, vi))
            .filter_map(|(v, _, figs)| Some(((usd - v).abs(), *figs.iter().find(other)?)))
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.order().cmp(&b.1.order())));
        let Some((_, g)) = nearest else { continue };
        let (a, b) = (r.figure.article_id, g.article_id);
        if !reported.insert(if a <= b { (a, b) } else { (b, a) }) {
            continue;
        }
        let Some(apart_pct) = deviation_pct(usd, g.amount_usd.unwrap_or_default()) else { continue };
        out.push((
            i as u32,
            Finding {
                related: Some(g),
                ..Finding::about(Kind::Discrepancy, r.figure, Detail::Discrepancy { apart_pct })
            },
        ));
    }
}

/// The same package in a later, further status class: the first figure of
/// the later class after an earlier-class figure within tolerance, linked
/// to the latest earlier-class figure before it. Keyed by the later
/// figure's metric.
fn transitions<'a>(timelines: &'a [Timeline<'_>], settings: &Settings) -> FxHashMap<&'a str, Found<'a>> {
    // The metrics of each package, with the stage of their class.
    let keys: Vec<(&'a MetricKey, &'a Timeline<'_>)> =
        timelines.iter().filter_map(|t| Some((t.key.as_ref().filter(|k| k.is_whole())?, t))).collect();
    let mut by_package: BTreeMap<_, Vec<(u8, StatusClass, &'a Timeline<'_>)>> = BTreeMap::new();
    for (key, t) in &keys {
        if let Some(stage) = key.class.stage() {
            by_package.entry(key.package()).or_default().push((stage, key.class, *t));
        }
    }
    let close = |a: Decimal, b: Decimal| deviation_pct(a, b).is_some_and(|pct| pct.abs() <= settings.transition_pct);
    let mut out: FxHashMap<&'a str, Found<'a>> = FxHashMap::default();
    // A package reported in one class only never moves.
    for metrics in by_package.values().filter(|m| m.len() > 1) {
        // (class rank, class, figure, its row on its metric's timeline)
        let mut figures: Vec<(u8, StatusClass, &'a Figure<'a>, u32)> = metrics
            .iter()
            .flat_map(|(rank, class, t)| t.figures.iter().enumerate().map(move |(i, f)| (*rank, *class, f, i as u32)))
            .filter(|(_, _, f, _)| f.published.is_some() && f.amount_usd.is_some())
            .collect();
        figures.sort_by(|a, b| a.2.order().cmp(&b.2.order()));
        // Each (earlier figure's metric, later metric, rough value) is
        // reported once: at the first figure that makes the move.
        let mut reported: Vec<(&str, &str, Decimal)> = Vec::new();
        // A figure can only move a package on if some earlier figure was in
        // a lower class: skip the search otherwise (the search looks back
        // over the whole package).
        let mut lowest_seen = u8::MAX;
        for (i, (rank, later_class, later, row)) in figures.iter().enumerate() {
            let can_move = lowest_seen < *rank;
            lowest_seen = lowest_seen.min(*rank);
            if !can_move {
                continue;
            }
            let later_usd = later.amount_usd.unwrap_or_default();
            let within = |earlier: &Figure<'_>| match (earlier.published, later.published) {
                (Some(a), Some(b)) => a < b && (b - a).num_days() <= settings.transition_days,
                _ => false,
            };
            let before = figures[..i].iter().rev().find(|(r, _, earlier, _)| {
                r < rank && within(earlier) && close(later_usd, earlier.amount_usd.unwrap_or_default())
            });
            let Some((_, earlier_class, earlier, _)) = before else { continue };
            let seen = reported
                .iter()
                .any(|(from, to, v)| *from == earlier.metric && *to == later.metric && close(later_usd, *v));
            if seen {
                continue;
            }
            reported.push((earlier.metric, later.metric, later_usd));
            out.entry(later.metric).or_default().push((
                *row,
                Finding {
                    related: Some(earlier),
                    ..Finding::about(
                        Kind::Transition,
                        later,
                        Detail::Transition { from: *earlier_class, to: *later_class },
                    )
                },
            ));
        }
    }
    out
}

/// Outlets whose figures conflict with consensus far more often than the
/// others' do. One finding per outlet, naming no single row.
fn outlier_outlets<'a>(timelines: &'a [Timeline<'_>], settings: &Settings) -> Vec<Finding<'a>> {
    // Tallied by the outlet's key (its voice), which the figure holds: the
    // name is read once per outlet, not once per figure.
    let tallies: Vec<FxHashMap<u64, (&'a str, usize, usize)>> = timelines
        .par_iter()
        .filter(|t| t.is_reconcilable())
        .map(|t| {
            let mut tally: FxHashMap<u64, (&'a str, usize, usize)> = FxHashMap::default();
            for (f, (_, agrees)) in t.figures.iter().zip(&t.marks) {
                let (Some(outlet), Some(agrees)) = (f.outlet, *agrees) else { continue };
                let t = tally.entry(f.voice).or_insert((outlet, 0, 0));
                t.1 += 1;
                t.2 += usize::from(!agrees);
            }
            tally
        })
        .collect();
    let mut tally: BTreeMap<&'a str, (usize, usize)> = BTreeMap::new();
    for part in tallies {
        for (outlet, compared, off) in part.into_values() {
            let t = tally.entry(outlet).or_default();
            t.0 += compared;
            t.1 += off;
        }
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
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            out.push(Finding {
                kind: Kind::OutlierOutlet,
                figure: None,
                consensus: None,
                related: None,
                detail: Detail::OutlierOutlet {
                    outlet,
                    off: count(off),
                    compared: count(compared),
                    rest_off: count(rest_off),
                    rest_compared: count(rest_compared),
                },
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

    fn run<'a>(figures: &'a [Figure<'a>]) -> Vec<Finding<'a>> {
        let lines: &'a [Timeline<'a>] = timelines(figures.to_vec(), DEFAULT_WINDOW_DAYS).leak();
        findings(lines, &Settings::default()).into_vec()
    }

    fn kinds_of<'a>(found: &[Finding<'a>], kind: Kind) -> Vec<&'a str> {
        found.iter().filter(|f| f.kind == kind).filter_map(|f| f.mention_id()).collect()
    }

    #[test]
    fn figures_within_stated_precision_raise_nothing() {
        let figs = [
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$60.8 billion", "60800000000"),
            usd("c", "Gamma", "2024-04-26", "$61 billion", "61000000000"),
        ];
        let found = run(&figs);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_figure_off_consensus_conflicts_with_its_deviation() {
        let figs = [
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
            usd("c", "Gamma", "2024-04-26", "$60 billion", "60000000000"),
        ];
        let found = run(&figs);
        let conflicts: Vec<&Finding> = found.iter().filter(|f| f.kind == Kind::Conflict).collect();
        assert_eq!(conflicts.len(), 1, "{found:#?}");
        let c = conflicts[0];
        assert_eq!(c.mention_id(), Some("c"));
        assert_eq!(c.consensus_usd().map(|v| v.normalize().to_string()).as_deref(), Some("61000000000"));
        assert_eq!(c.deviation_pct().map(|v| v.to_string()).as_deref(), Some("-1.64"));
        assert!(c.related_mention_id().is_some());
    }

    #[test]
    fn a_part_far_below_the_consensus_is_no_conflict_but_a_slip_of_scale_is() {
        let figs = [
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
            // A first tranche of the package: another quantity.
            usd("c", "Gamma", "2024-04-26", "$1 billion", "1000000000"),
            // The package's digits at the wrong scale: a report of it, wrong.
            usd("d", "Delta", "2024-04-26", "$61 million", "61000000"),
            // Far off too, but by less than the part ratio: a disagreement.
            usd("e", "Epsilon", "2024-04-27", "$30 billion", "30000000000"),
        ];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Conflict), ["d", "e"], "{found:#?}");
    }

    #[test]
    fn an_old_total_quoted_after_the_timeline_moved_is_stale_not_a_conflict() {
        let figs = [
            usd("a1", "Alpha", "2024-01-10", "$113 billion", "113000000000"),
            usd("b1", "Beta", "2024-01-11", "$113 billion", "113000000000"),
            usd("a2", "Alpha", "2024-02-01", "$175 billion", "175000000000"),
            usd("b2", "Beta", "2024-02-02", "$175 billion", "175000000000"),
            usd("c", "Gamma", "2024-02-03", "$113 billion", "113000000000"),
        ];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Stale), ["c"], "{found:#?}");
        assert!(kinds_of(&found, Kind::Conflict).is_empty(), "{found:#?}");
        let stale = found.iter().find(|f| f.kind == Kind::Stale).unwrap();
        // The latest report of the old consensus (both agreed; the later wins).
        assert_eq!(stale.related_mention_id(), Some("b1"));
    }

    #[test]
    fn an_article_stating_the_consensus_and_a_tranche_beside_it_does_not_conflict() {
        let a = usd("a", "Alpha", "2022-06-30", "£2.3bn", "2300000000");
        let b = usd("b", "Beta", "2022-06-30", "£2.3bn", "2300000000");
        // Beta's article goes on to a new £1bn tranche; Gamma gives only £1bn.
        let mut tranche = usd("b2", "Beta", "2022-06-30", "£1bn", "1000000000");
        tranche.article_id = b.article_id;
        tranche.start = 400;
        let lone = usd("c", "Gamma", "2022-06-30", "£1bn", "1000000000");
        let figs = [a, b, tranche, lone];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Conflict), ["c"], "{found:#?}");
    }

    #[test]
    fn the_same_number_under_another_currency_is_a_mislabel() {
        let figs = [
            usd("a", "Alpha", "2024-02-01", "$278 billion", "278000000000"),
            usd("b", "Beta", "2024-02-02", "$278 billion", "278000000000"),
            // €278 billion at 1.08 would be $300 billion: not the same figure.
            fig("c", "Gamma", "2024-02-03", "€278 billion", "278000000000", "EUR", "1.08"),
        ];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::CurrencyMislabel), ["c"], "{found:#?}");
        let m = found.iter().find(|f| f.kind == Kind::CurrencyMislabel).unwrap();
        assert_eq!(m.related_mention_id(), Some("a"));
        // A euro figure that converts to the dollar one is no mislabel.
        let figs = [
            usd("a", "Alpha", "2024-02-01", "$54 billion", "54000000000"),
            fig("c", "Gamma", "2024-02-03", "€54 billion", "54000000000", "EUR", "1"),
        ];
        let found = run(&figs);
        assert!(kinds_of(&found, Kind::CurrencyMislabel).is_empty(), "{found:#?}");
    }

    #[test]
    fn the_same_digits_under_another_currency_are_a_mislabel_however_coarse() {
        // "$7 billion" could stand for €7 billion converted ($7.49 billion)
        // and rounded; the digits say it is the euro figure mislabelled. Two
        // reports in euros, one in dollars: the euro is the right label.
        let eur = |id: &str, outlet: &str, date: &str, surface: &str, amount: &str| {
            fig(id, outlet, date, surface, amount, "EUR", "1.07")
        };
        let coarse = [
            usd("c", "Gamma", "2024-03-01", "$7 billion", "7000000000"),
            eur("a", "Alpha", "2024-03-02", "€7 billion", "7000000000"),
            eur("b", "Beta", "2024-03-03", "€7.2 billion", "7200000000"),
        ];
        let one_decimal = [
            eur("a", "Alpha", "2024-03-01", "€7.2 billion", "7200000000"),
            eur("b", "Beta", "2024-03-02", "€7.2 billion", "7200000000"),
            usd("c", "Gamma", "2024-03-03", "$7.2 billion", "7200000000"),
        ];
        for (figs, reference) in [(&coarse, "a"), (&one_decimal, "a")] {
            let found = run(figs);
            assert_eq!(kinds_of(&found, Kind::CurrencyMislabel), ["c"], "{found:#?}");
            let m = found.iter().find(|f| f.kind == Kind::CurrencyMislabel).unwrap();
            assert_eq!(m.related_mention_id(), Some(reference));
            // Measured against the right label's report, never itself.
            assert_eq!(m.consensus.map(|c| c.mention_id), Some(reference));
            let want = (Decimal::ONE / Decimal::from_str_exact("1.07").unwrap() - Decimal::ONE) * Decimal::ONE_HUNDRED;
            assert_eq!(m.deviation_pct(), Some(want.round_dp(2)));
        }
    }

    #[test]
    fn a_figure_with_no_source_among_sourced_ones_is_unsourced() {
        let mut a = usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000");
        a.source = Some("US Congress");
        let b = usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000");
        let figs = [a, b];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Unsourced), ["b"], "{found:#?}");
        // When nobody cites a source, nobody is singled out.
        let figs = [
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
        ];
        let found = run(&figs);
        assert!(kinds_of(&found, Kind::Unsourced).is_empty());
    }

    #[test]
    fn a_package_moving_from_pending_to_enacted_is_one_transition() {
        let mut pending = usd("p", "Alpha", "2024-03-10", "$60 billion", "60000000000");
        pending.metric = "united-states/ukraine/total/pending";
        let mut pending_again = usd("p2", "Beta", "2024-03-20", "$60 billion", "60000000000");
        pending_again.metric = pending.metric;
        let enacted = usd("e", "Gamma", "2024-04-24", "$61 billion", "61000000000");
        let enacted_again = usd("e2", "Delta", "2024-04-25", "$61 billion", "61000000000");
        // A different, much smaller figure is not the same package.
        let other = usd("o", "Delta", "2024-04-26", "$2 billion", "2000000000");
        let figs = [pending, pending_again, enacted, enacted_again, other];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Transition), ["e"], "{found:#?}");
        let t = found.iter().find(|f| f.kind == Kind::Transition).unwrap();
        assert_eq!(t.related_mention_id(), Some("p2"));
        assert!(t.to_string().starts_with("pending 60000000000 USD on 2024-03-20 → enacted"), "{t}");
    }

    #[test]
    fn figures_close_in_value_but_over_a_year_apart_are_not_one_package_moving() {
        let mut promised = usd("p", "Alpha", "2022-12-07", "€51.8 billion", "51800000000");
        promised.metric = "european-union/ukraine/total/promised";
        let mut allocated = usd("a", "Beta", "2024-02-06", "€50 billion", "50000000000");
        allocated.metric = "european-union/ukraine/total/allocated";
        let figs = [promised, allocated];
        assert!(kinds_of(&run(&figs), Kind::Transition).is_empty());
        // The same two, two months apart, are.
        let mut sooner = allocated;
        sooner.published = Some(chrono::NaiveDate::from_ymd_opt(2023, 2, 6).unwrap());
        let figs = [promised, sooner];
        assert_eq!(kinds_of(&run(&figs), Kind::Transition), ["a"]);
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
            found.iter().filter(|f| f.kind == Kind::OutlierOutlet).filter_map(|f| f.outlet()).collect();
        assert_eq!(outliers, ["Xeta"], "{found:#?}");
        assert_eq!(kinds_of(&found, Kind::Conflict).len(), 4);
    }

    #[test]
    fn undated_figures_are_reported_not_dated() {
        let figs = [
            usd("a", "Alpha", "2024-04-24", "$61 billion", "61000000000"),
            usd("u", "Weekly", "no date", "$61 billion", "61000000000"),
        ];
        let found = run(&figs);
        assert_eq!(kinds_of(&found, Kind::Undated), ["u"]);
        let u = found.iter().find(|f| f.kind == Kind::Undated).unwrap();
        assert_eq!(u.published(), None);
    }

    /// The CSV written straight into bytes is the generic writer's: the
    /// csv crate over `cells`, text escaped against formulas, the numeric
    /// columns left as they are.
    #[test]
    fn a_finding_written_as_csv_is_its_cells_through_the_csv_crate() {
        let mut pending = usd("p", "Alpha", "2024-03-10", "$60 billion", "60000000000");
        pending.metric = "united-states/ukraine/total/pending";
        let mut sourced = usd("a", "=Alpha, Inc.", "2024-04-24", "$61 billion", "61000000000");
        sourced.source = Some("US \"Congress\"");
        let figs = [
            pending,
            sourced,
            usd("b", "Beta", "2024-04-25", "$61 billion", "61000000000"),
            usd("c", "Gamma", "2024-04-26", "$60 billion", "60000000000"),
            fig("d", "Delta", "2024-04-26", "€61 billion", "61000000000", "EUR", "1.07"),
            usd("u", "Weekly", "undated", "$61 billion", "61000000000"),
        ];
        let found = run(&figs);
        let kinds: std::collections::BTreeSet<Kind> = found.iter().map(|f| f.kind).collect();
        assert!(kinds.len() >= 4, "{kinds:?}");
        let (mut ours, mut scratch) = (Vec::new(), String::new());
        let mut theirs = csv::Writer::from_writer(Vec::new());
        for f in &found {
            f.write_csv(&mut ours, &mut scratch);
            let row: Vec<String> = f
                .cells()
                .into_iter()
                .zip(COLUMNS)
                .map(|(v, name)| {
                    let v = v.unwrap_or_default();
                    if NUMERIC_COLUMNS.contains(&name) {
                        v
                    } else {
                        crate::output::csv_cell(&v)
                    }
                })
                .collect();
            theirs.write_record(&row).unwrap();
        }
        let theirs = theirs.into_inner().unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }
}
