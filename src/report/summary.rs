//! A calendar month's summary: what was reported that month, where each
//! metric stood at the month's end and how it moved from the month before,
//! the findings raised, and the outlets most often at odds with consensus.
//! Worked out from the whole ledger (consensus and staleness need what came
//! before the month), reported for the month.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::chart::Panel;
use crate::reconcile::timeline::{consensus, votes, MIN_SUPPORT};
use crate::reconcile::{Consensus, Figure, Finding, Findings, Kind, Timeline};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    first: NaiveDate,
}

impl Month {
    /// "2024-04"; None for anything else.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Some(Month { first: NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)? })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month { first: day.with_day(1).expect("every month has a first day") }
    }

    /// The last calendar month that has ended by `today`.
    pub fn last_complete(today: NaiveDate) -> Month {
        Month::of(today).previous()
    }

    pub fn previous(self) -> Month {
        Month::of(self.first.pred_opt().unwrap_or(self.first))
    }

    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    pub fn last_day(self) -> NaiveDate {
        let next = self.first.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
        next.pred_opt().unwrap_or(next)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Month::of(day) == self
    }

    /// "April 2024".
    pub fn name(self) -> String {
        self.first.format("%B %Y").to_string()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first.format("%Y-%m"))
    }
}

/// Where one metric stood.
#[derive(Debug, Clone)]
pub struct MetricLine<'a> {
    pub metric: &'a str,
    /// Figures of the metric published in the month, and by how many outlets.
    pub figures: usize,
    pub outlets: usize,
    /// The consensus at the month's end and at the previous month's end
    /// (when two or more independent voices stood behind one).
    pub at_end: Option<Consensus<'a>>,
    pub before: Option<Consensus<'a>>,
    /// The outlets whose vote in the window at the month's end agrees
    /// with its consensus, by name.
    pub behind: Vec<&'a str>,
    /// The metric's figures and consensus over the year to the month's
    /// end, for its chart.
    pub chart: Panel<'a>,
}

impl MetricLine<'_> {
    /// The consensus's change from the month before, in US dollars and in
    /// percent (two places); None unless both ends have one.
    pub fn change(&self) -> Option<(Decimal, Option<Decimal>)> {
        let (now, then) = (self.at_end?.amount_usd(), self.before?.amount_usd());
        let diff = now.checked_sub(then)?;
        let pct = if then.is_zero() {
            None
        } else {
            diff.checked_div(then).and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)).map(|p| p.round_dp(2))
        };
        Some((diff, pct))
    }
}

/// How often an outlet's figures that month sat outside consensus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletLine<'a> {
    pub outlet: &'a str,
    /// Its figures that month measured against a consensus, and of those
    /// how many conflicted with it.
    pub compared: usize,
    pub conflicts: usize,
}

/// A month's summary (see the module's comment).
#[derive(Debug, Clone)]
pub struct MonthSummary<'a> {
    pub month: Month,
    /// Articles (distinct ids) and mentions published in the month. The
    /// ledger keeps articles through their mentions, so an article with no
    /// money figure is not counted.
    pub articles: usize,
    pub mentions: usize,
    /// The metrics reported in the month, by name.
    pub metrics: Vec<MetricLine<'a>>,
    /// The findings on figures published in the month, in the order
    /// `reconcile` lists them.
    pub findings: Vec<&'a Finding<'a>>,
    /// Outlets with a conflict that month, most conflicts first (then by
    /// the share of their figures, then by name).
    pub outlets: Vec<OutletLine<'a>>,
}

/// The summary of `month`, from every metric's timeline and the findings
/// `reconcile` raised over them.
pub fn summarize<'a>(
    timelines: &'a [Timeline<'a>],
    findings: &'a Findings<'a>,
    month: Month,
    window_days: i64,
) -> MonthSummary<'a> {
    let in_month = |f: &Figure<'_>| f.published.is_some_and(|d| month.contains(d));
    let mut articles = std::collections::BTreeSet::new();
    let mut mentions = 0;
    let mut metrics = Vec::new();
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for t in timelines {
        let mut outlets = std::collections::BTreeSet::new();
        let mut figures = 0;
        for (i, f) in t.figures.iter().enumerate() {
            if !in_month(f) {
                continue;
            }
            figures += 1;
            articles.insert(f.article_id.as_str());
            if let Some(outlet) = f.outlet {
                outlets.insert(outlet);
                if let Some(agrees) = t.row(i).agrees {
                    let e = tally.entry(outlet).or_default();
                    e.0 += 1;
                    e.1 += usize::from(!agrees);
                }
            }
        }
        mentions += figures;
        if figures == 0 {
            continue;
        }
        let all: Vec<&Figure<'a>> = t.figures.iter().collect();
        let at = |day: NaiveDate| consensus(&all, day, window_days).filter(|c| c.support >= MIN_SUPPORT);
        let (end, before) = (month.last_day(), month.previous().last_day());
        let at_end = at(end);
        let behind = at_end.map(|c| outlets_behind(&all, &c, end, window_days)).unwrap_or_default();
        metrics.push(MetricLine {
            metric: t.metric,
            figures,
            outlets: outlets.len(),
            at_end,
            before: at(before),
            behind,
            chart: panel(t, month),
        });
    }
    metrics.sort_by(|a, b| a.metric.cmp(b.metric));
    let findings: Vec<&Finding<'a>> = findings
        .iter()
        .filter(|f| f.kind != Kind::OutlierOutlet && f.published().is_some_and(|d| month.contains(d)))
        .collect();
    let mut outlets: Vec<OutletLine<'_>> = tally
        .into_iter()
        .filter(|(_, (_, conflicts))| *conflicts > 0)
        .map(|(outlet, (compared, conflicts))| OutletLine { outlet, compared, conflicts })
        .collect();
    // Most conflicts, then the larger share (a × d against c × b), then name.
    outlets.sort_by(|a, b| {
        b.conflicts
            .cmp(&a.conflicts)
            .then_with(|| (b.conflicts * a.compared).cmp(&(a.conflicts * b.compared)))
            .then_with(|| a.outlet.cmp(b.outlet))
    });
    MonthSummary { month, articles: articles.len(), mentions, metrics, findings, outlets }
}

/// The first day a month's charts show: a year of figures up to its end.
pub fn chart_start(month: Month) -> NaiveDate {
    month.first_day().checked_sub_months(chrono::Months::new(11)).unwrap_or(month.first_day())
}

/// A metric's chart panel: its figures with a dollar value over the year
/// to the month's end, by outlet (an unnamed outlet by its article), and
/// its consensus as of each of those dates where two or more voices stood
/// behind one.
fn panel<'a>(t: &'a Timeline<'a>, month: Month) -> Panel<'a> {
    let range = chart_start(month)..=month.last_day();
    let mut chart = Panel { title: t.metric.to_string(), ..Panel::default() };
    for r in t.rows() {
        let (Some(day), Some(usd)) = (r.figure.published, r.figure.amount_usd) else { continue };
        if !range.contains(&day) {
            continue;
        }
        chart.points.push((r.figure.outlet.unwrap_or(r.figure.article_id.as_str()), day, usd));
        if let Some(c) = r.consensus.filter(|c| c.support >= MIN_SUPPORT) {
            // One point per date: the consensus as of the date's last figure.
            if chart.consensus.last().is_some_and(|(d, _)| *d == day) {
                chart.consensus.pop();
            }
            chart.consensus.push((day, c.amount_usd()));
        }
    }
    chart
}

/// The outlets whose vote (see `timeline::votes`) in the window ending
/// `day` agrees with `c`, by name. Copies of one wire story are each named,
/// though `c.support` counts them once.
fn outlets_behind<'a>(figures: &[&'a Figure<'a>], c: &Consensus<'a>, day: NaiveDate, window_days: i64) -> Vec<&'a str> {
    let mut behind: Vec<&str> = votes(figures, day, window_days)
        .into_iter()
        .filter(|f| c.agrees_with(f) == Some(true))
        .filter_map(|f| f.outlet)
        .collect();
    behind.sort_unstable();
    behind.dedup();
    behind
}

/// How many findings summary.md lists (all are in findings.csv).
pub const LISTED_FINDINGS: usize = 50;

/// "$61B", "$675M", "$12,500": short enough for a table cell; exact
/// below a million.
pub fn short_usd(v: Decimal) -> String {
    let (billion, million) = (Decimal::from(1_000_000_000), Decimal::from(1_000_000));
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let a = v.abs();
    if a >= billion {
        format!("{sign}${}B", (a / billion).round_dp(2).normalize())
    } else if a >= million {
        format!("{sign}${}M", (a / million).round_dp(2).normalize())
    } else {
        format!("{sign}${}", a.round_dp(2).normalize())
    }
}

fn signed(p: Decimal) -> String {
    if p.is_sign_positive() && !p.is_zero() {
        format!("+{}", p.normalize())
    } else {
        p.normalize().to_string()
    }
}

impl MonthSummary<'_> {
    /// summary.md: the month in plain words and tables.
    pub fn markdown(&self) -> String {
        use super::markdown::{cell, table};
        use std::fmt::Write;
        let mut md = String::new();
        let m = self.month;
        let _ = writeln!(md, "# Aid figures reported in {}\n", m.name());
        let _ = writeln!(
            md,
            "{} mentions of money in {} articles published between {} and {}. \
             Consensus is the value most independent outlets agree on in the trailing window; \
             the findings are those on figures published this month.\n",
            self.mentions,
            self.articles,
            m.first_day(),
            m.last_day()
        );
        let _ = writeln!(md, "## Metrics at the end of the month ({})\n", m.last_day());
        if self.metrics.is_empty() {
            md.push_str("No figures were published this month.\n\n");
        } else {
            let rows: Vec<Vec<String>> = self
                .metrics
                .iter()
                .map(|l| {
                    let value =
                        |c: &Option<Consensus<'_>>| c.map_or("no consensus".to_string(), |c| short_usd(c.amount_usd()));
                    let change = match l.change() {
                        Some((d, Some(p))) if !d.is_zero() => format!("{} ({}%)", short_usd(d), signed(p)),
                        Some(_) => "unchanged".to_string(),
                        None => "–".to_string(),
                    };
                    let behind = if l.behind.is_empty() {
                        "–".to_string()
                    } else {
                        l.behind.iter().map(|o| cell(o)).collect::<Vec<_>>().join(", ")
                    };
                    vec![
                        cell(l.metric),
                        value(&l.at_end),
                        value(&l.before),
                        change,
                        behind,
                        format!("{} from {} outlet{}", l.figures, l.outlets, if l.outlets == 1 { "" } else { "s" }),
                    ]
                })
                .collect();
            md.push_str(&table(
                &["metric", "consensus", "month before", "change", "outlets behind it", "figures this month"],
                &rows,
            ));
            md.push('\n');
        }
        let _ = writeln!(md, "## Findings raised this month ({})\n", self.findings.len());
        if self.findings.is_empty() {
            md.push_str("None.\n\n");
        } else {
            let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &self.findings {
                *by_kind.entry(f.kind.as_str()).or_default() += 1;
            }
            let counts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let _ = writeln!(md, "{}.\n", counts.join(", "));
            let rows: Vec<Vec<String>> = self
                .findings
                .iter()
                .take(LISTED_FINDINGS)
                .map(|f| {
                    let c = f.cells().map(Option::unwrap_or_default);
                    let figure = f.figure.and_then(|g| g.amount_usd).map(short_usd).unwrap_or_default();
                    let against = match (f.consensus_usd(), f.deviation_pct()) {
                        (Some(v), Some(p)) => format!("{} ({}%)", short_usd(v), signed(p)),
                        (Some(v), None) => short_usd(v),
                        _ => String::new(),
                    };
                    vec![cell(&c[0]), cell(&c[3]), cell(&c[2]), cell(&c[1]), figure, against, cell(&c[12])]
                })
                .collect();
            md.push_str(&table(
                &["finding", "published", "outlet", "metric", "figure", "consensus (deviation)", "detail"],
                &rows,
            ));
            if self.findings.len() > LISTED_FINDINGS {
                let _ = writeln!(md, "\nThe first {LISTED_FINDINGS} are listed; findings.csv has all of them.");
            }
            md.push('\n');
        }
        md.push_str("## Outlets most often in conflict with consensus\n\n");
        if self.outlets.is_empty() {
            md.push_str("No outlet's figure conflicted with a consensus this month.\n");
        } else {
            let rows: Vec<Vec<String>> = self
                .outlets
                .iter()
                .take(10)
                .map(|o| vec![cell(o.outlet), o.conflicts.to_string(), o.compared.to_string()])
                .collect();
            md.push_str(&table(&["outlet", "conflicts", "figures measured against a consensus"], &rows));
        }
        md.push_str(
            "\n## Chart\n\n![Each metric's reported figures by outlet, with the consensus line](figures.svg)\n",
        );
        md.push_str("\nFiles: [metrics.csv](metrics.csv), [findings.csv](findings.csv), [figures.svg](figures.svg).\n");
        md
    }

    /// figures.svg: each metric's figures by outlet over the year to the
    /// month's end, with its consensus line.
    pub fn chart(&self) -> Result<String, String> {
        let panels: Vec<Panel<'_>> = self.metrics.iter().map(|l| l.chart.clone()).collect();
        super::chart::figures_svg(&panels, chart_start(self.month), self.month.last_day())
    }

    /// metrics.csv: one row per metric, amounts as plain decimal strings.
    pub fn metrics_csv(&self) -> Result<Vec<u8>, csv::Error> {
        use crate::output::csv_cell;
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "metric",
            "figures",
            "outlets",
            "consensus_usd",
            "consensus_usd_month_before",
            "change_usd",
            "change_pct",
            "support",
            "voices",
            "outlets_behind",
        ])?;
        for l in &self.metrics {
            let num = |v: Option<Decimal>| v.map(|v| v.normalize().to_string()).unwrap_or_default();
            let change = l.change();
            w.write_record([
                csv_cell(l.metric),
                l.figures.to_string(),
                l.outlets.to_string(),
                num(l.at_end.map(|c| c.amount_usd())),
                num(l.before.map(|c| c.amount_usd())),
                num(change.map(|c| c.0)),
                num(change.and_then(|c| c.1)),
                l.at_end.map(|c| c.support.to_string()).unwrap_or_default(),
                l.at_end.map(|c| c.voices.to_string()).unwrap_or_default(),
                csv_cell(&l.behind.join("; ")),
            ])?;
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }

    /// findings.csv: the month's findings in `reconcile`'s columns.
    pub fn findings_csv(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut rec = crate::output::CsvRecord::new(&mut out);
        for c in crate::reconcile::FINDING_COLUMNS {
            rec.text(c);
        }
        rec.end();
        let mut scratch = String::new();
        for f in &self.findings {
            f.write_csv(&mut out, &mut scratch);
        }
        out
    }

    /// Writes summary.md, metrics.csv, findings.csv and figures.svg into `month_dir`,
    /// whole: into a folder beside it first, then swapped in (see
    /// `report::folder`).
    pub fn write(&self, month_dir: &std::path::Path) -> std::io::Result<()> {
        let staged = super::folder::Staged::new(month_dir)?;
        std::fs::write(staged.path().join("summary.md"), self.markdown())?;
        std::fs::write(staged.path().join("metrics.csv"), self.metrics_csv().map_err(std::io::Error::other)?)?;
        std::fs::write(staged.path().join("findings.csv"), self.findings_csv())?;
        std::fs::write(staged.path().join("figures.svg"), self.chart().map_err(std::io::Error::other)?)?;
        staged.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_step_back_across_a_year() {
        let m = Month::parse("2024-01").unwrap();
        assert_eq!(m.previous().to_string(), "2023-12");
        assert_eq!(Month::parse("2024-02").unwrap().last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(m.name(), "January 2024");
        for bad in ["2024-13", "2024-1", "24-01", "2024/01", ""] {
            assert!(Month::parse(bad).is_none(), "{bad}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(Month::last_complete(today).to_string(), "2026-10");
    }
}
