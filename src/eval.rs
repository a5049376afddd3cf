//! Scores the extractor against gold documents in the corpus schema, by the
//! rules of the project's reference scorer (`score.py`): each predicted
//! mention is paired one-to-one with the gold mention it overlaps most;
//! "detect" counts pairs, "span" exact offsets, "figure" pairs whose value,
//! value_max and currency are right; context labels are scored over
//! figure-correct pairs whose gold label is set.

use crate::article::Article;
use crate::classify::{self, Context};
use crate::extract::{self, Money};
use crate::labels::{Status, StatusClass};
use crate::lexicon::Lexicon;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

pub const CONTEXT_FIELDS: [&str; 7] =
    ["qualifier", "category", "status", "donor", "recipient", "source", "aid_to_ukraine"];

/// A gold (or predicted) mention, reduced to what is scored.
#[derive(Debug, Clone)]
pub struct Scored {
    pub start: usize,
    pub end: usize,
    /// `None`: only detection is asked for.
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    /// Acceptable currencies; empty accepts any.
    pub currency: Vec<String>,
    pub labels: [Option<Label>; 7],
    pub surface: String,
    /// Gold: the real-world quantity the figure measures (the corpus's
    /// `quantity`). Predicted: the metric it was grouped in.
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Bool(bool),
    Text(String),
}

/// A gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub outlet: Option<String>,
    pub group: Option<String>,
    pub skip: bool,
    pub mentions: Vec<Scored>,
    /// The document as `extract` reads it (its text, and its date from the
    /// field or the text), so that it is labelled as `extract` labels it.
    pub article: Article,
}

/// How documents are grouped in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    All,
    /// The gold `group` field, else the outlet (as `score.py --by-source`).
    Group,
    Outlet,
}

/// Reads gold documents from JSON Lines; an error names the line.
pub fn read_gold(name: &str, data: &str) -> Result<Vec<GoldDoc>, String> {
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{name}:{}: not JSON: {e}", n + 1))?;
        let at = |m: &str| format!("{name}:{}: {m}", n + 1);
        v.get("text").and_then(Value::as_str).ok_or_else(|| at("no \"text\" string"))?;
        let id = match v.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(x)) => x.to_string(),
            _ => (n + 1).to_string(),
        };
        let mut mentions = Vec::new();
        for m in v.get("mentions").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]) {
            mentions.push(scored_from_json(m).map_err(|e| at(&e))?);
        }
        let article = crate::article::jsonl::read_line(name, n + 1, line).map_err(|e| e.to_string())?;
        docs.push(GoldDoc {
            article,
            id,
            outlet: v.get("outlet").and_then(Value::as_str).map(str::to_string),
            group: v.get("group").and_then(Value::as_str).map(str::to_string),
            skip: v.get("skip").and_then(Value::as_bool).unwrap_or(false),
            mentions,
        });
    }
    Ok(docs)
}

fn scored_from_json(m: &Value) -> Result<Scored, String> {
    let offset =
        |k: &str| m.get(k).and_then(Value::as_u64).map(|x| x as usize).ok_or_else(|| format!("mention without {k:?}"));
    let dec = |k: &str| -> Result<Option<Decimal>, String> {
        match m.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Decimal::from_str(s).map(Some).map_err(|_| format!("{k} {s:?} is not a decimal")),
            Some(Value::Number(x)) => {
                Decimal::from_str(&x.to_string()).map(Some).map_err(|_| format!("{k} {x} is not a decimal"))
            }
            Some(_) => Err(format!("{k} must be a decimal string")),
        }
    };
    let currency = match m.get("currency") {
        Some(Value::String(s)) => vec![s.to_ascii_uppercase()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_uppercase).collect(),
        _ => Vec::new(),
    };
    let labels = CONTEXT_FIELDS.map(|f| match m.get(f) {
        Some(Value::Bool(b)) => Some(Label::Bool(*b)),
        Some(Value::String(s)) => Some(Label::Text(s.clone())),
        _ => None,
    });
    Ok(Scored {
        start: offset("start")?,
        end: offset("end")?,
        value: dec("value")?,
        value_max: dec("value_max")?,
        currency,
        labels,
        surface: m.get("surface").and_then(Value::as_str).unwrap_or("").to_string(),
        group: m.get("quantity").and_then(Value::as_str).filter(|q| !q.is_empty()).map(str::to_string),
    })
}

/// A predicted mention, with its labels, in the scored shape.
pub fn scored_from_money(m: &Money, c: Option<&Context>) -> Scored {
    let text = |s: &str| Some(Label::Text(s.to_string()));
    let mut labels: [Option<Label>; 7] = Default::default();
    labels[0] = text(m.qualifier.as_str());
    if let Some(c) = c {
        labels[1] = text(c.category.as_str());
        labels[2] = text(c.status.as_str());
        labels[3] = c.donor.as_deref().and_then(text);
        labels[4] = c.recipient.as_deref().and_then(text);
        labels[5] = c.source.as_deref().and_then(text);
        labels[6] = Some(Label::Bool(c.aid_to_ukraine));
    }
    Scored {
        start: m.start,
        end: m.end,
        value: Some(m.value),
        value_max: m.value_max,
        currency: vec![m.currency.to_string()],
        labels,
        surface: m.surface.clone(),
        group: c.map(|c| c.metric.slug()),
    }
}

/// Names the scorer treats as the same.
fn norm_label(l: &Label) -> Label {
    match l {
        Label::Bool(b) => Label::Bool(*b),
        Label::Text(s) => {
            let s = s.trim().to_lowercase();
            let alias = match s.as_str() {
                "us" | "u.s." | "usa" | "united states of america" | "america" | "washington" | "the united states" => {
                    "united states"
                }
                "eu" | "the european union" | "brussels" => "european union",
                "uk" | "britain" | "great britain" => "united kingdom",
                "kiel institute for the world economy" | "ifw kiel" | "kiel" | "the kiel institute" => "kiel institute",
                "kyiv" | "kiev" => "ukraine",
                _ => "",
            };
            Label::Text(if alias.is_empty() { s } else { alias.to_string() })
        }
    }
}

fn overlap(a: &Scored, b: &Scored) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn figure_ok(g: &Scored, p: &Scored) -> bool {
    let Some(gv) = g.value else { return true };
    let currency_ok = g.currency.is_empty()
        || p.currency.first().is_some_and(|c| g.currency.iter().any(|x| x.eq_ignore_ascii_case(c)));
    Some(gv.normalize()) == p.value.map(|v| v.normalize())
        && g.value_max.map(|v| v.normalize()) == p.value_max.map(|v| v.normalize())
        && currency_ok
}

/// Pairs each predicted mention with the gold one it overlaps most, greedily,
/// ties to the earlier gold then the earlier prediction.
pub fn pair(gold: &[Scored], pred: &[Scored]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let o = overlap(g, p);
            if o > 0 {
                cands.push((std::cmp::Reverse(o), i, j));
            }
        }
    }
    cands.sort();
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in cands {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// The counts behind one group's figures.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    pub detect: usize,
    pub span: usize,
    pub figure: usize,
    /// (right, scored) per context field.
    pub context: [(usize, usize); 7],
}

/// Precision, recall and F1 as the reference scorer computes them.
pub fn prf(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    // Ratios of counts for the report only; no money passes through here.
    let p = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else if n_gold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 1.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

impl Tally {
    pub fn detect_prf(&self) -> (f64, f64, f64) {
        prf(self.detect, self.pred, self.gold)
    }
    pub fn figure_prf(&self) -> (f64, f64, f64) {
        prf(self.figure, self.pred, self.gold)
    }
    pub fn span_exact(&self) -> f64 {
        if self.detect > 0 {
            self.span as f64 / self.detect as f64
        } else {
            0.0
        }
    }
}

/// One error for `--errors`: a gold mention missed or misread, or a
/// prediction with no gold behind it.
#[derive(Debug, Clone)]
pub struct Miss {
    pub doc: String,
    pub kind: &'static str,
    pub gold: Option<Scored>,
    pub pred: Option<Scored>,
    pub context: String,
}

/// How well metrics group what measures the same thing: over the whole
/// run's figure-correct pairs whose gold names its quantity, two mentions
/// belong together in gold when quantity and the class of the gold status
/// are the same, and in the prediction when their metrics are.
#[derive(Debug, Default)]
pub struct MetricPairs {
    /// Mentions per gold unit (quantity/status class).
    units: BTreeMap<String, usize>,
    /// Mentions per predicted metric.
    metrics: BTreeMap<String, usize>,
    /// Mentions per (unit, metric).
    cells: BTreeMap<(String, String), usize>,
    /// Mentions with no metric: each a metric of its own.
    unkeyed: usize,
}

/// The pairs among `n` mentions of one group.
fn pairs_within<'a>(counts: impl Iterator<Item = &'a usize>) -> usize {
    counts.map(|n| n * n.saturating_sub(1) / 2).sum()
}

impl MetricPairs {
    fn add(&mut self, gold: &Scored, pred: &Scored) {
        let Some(quantity) = &gold.group else { return };
        let class = match &gold.labels[2] {
            Some(Label::Text(s)) => {
                s.trim().to_lowercase().parse::<Status>().map_or(StatusClass::Unknown, Status::class)
            }
            _ => StatusClass::Unknown,
        };
        let unit = format!("{quantity}/{class}");
        *self.units.entry(unit.clone()).or_default() += 1;
        match &pred.group {
            Some(metric) => {
                *self.metrics.entry(metric.clone()).or_default() += 1;
                *self.cells.entry((unit, metric.clone())).or_default() += 1;
            }
            None => self.unkeyed += 1,
        }
    }

    /// Precision, recall and F1 of the pairs, as the reference scorer's
    /// `--quantities` gives them (zero, not one, when there are no pairs).
    pub fn prf(&self) -> (f64, f64, f64) {
        let tp = pairs_within(self.cells.values());
        let (n_pred, n_gold) = (pairs_within(self.metrics.values()), pairs_within(self.units.values()));
        // Ratios of counts for the report only; no money passes through here.
        let p = if n_pred > 0 { tp as f64 / n_pred as f64 } else { 0.0 };
        let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    fn line(&self) -> String {
        let (p, r, f) = self.prf();
        format!(
            "  metric  pairs P {p:.3}  R {r:.3}  F1 {f:.3}   (gold units {}, predicted metrics {})",
            self.units.len(),
            self.metrics.len() + self.unkeyed
        )
    }
}

/// The report of one run.
#[derive(Debug, Default)]
pub struct Report {
    pub groups: BTreeMap<String, Tally>,
    pub misses: Vec<Miss>,
    /// Present when the gold names quantities.
    pub metric_pairs: Option<MetricPairs>,
}

/// Runs the extractor and the classifier on every gold document and scores them.
pub fn evaluate(docs: &[GoldDoc], by: GroupBy, lex: &Lexicon) -> Report {
    let mut report = Report::default();
    for d in docs.iter().filter(|d| !d.skip) {
        let article = &d.article;
        let money = extract::extract(&article.text);
        let contexts = classify::classify(article, &money, lex);
        let pred: Vec<Scored> = money.iter().enumerate().map(|(i, m)| scored_from_money(m, contexts.get(i))).collect();
        let key = match by {
            GroupBy::All => "all".to_string(),
            GroupBy::Group => d.group.clone().or_else(|| d.outlet.clone()).unwrap_or_else(|| "all".into()),
            GroupBy::Outlet => d.outlet.clone().unwrap_or_else(|| "(no outlet)".into()),
        };
        let t = report.groups.entry(key).or_default();
        t.docs += 1;
        t.gold += d.mentions.len();
        t.pred += pred.len();
        let pairs = pair(&d.mentions, &pred);
        let mut gold_paired = vec![false; d.mentions.len()];
        let mut pred_paired = vec![false; pred.len()];
        for &(i, j) in &pairs {
            let (g, p) = (&d.mentions[i], &pred[j]);
            gold_paired[i] = true;
            pred_paired[j] = true;
            t.detect += 1;
            if g.start == p.start && g.end == p.end {
                t.span += 1;
            }
            if figure_ok(g, p) {
                t.figure += 1;
                if g.group.is_some() {
                    report.metric_pairs.get_or_insert_with(MetricPairs::default).add(g, p);
                }
                for (f, (gl, pl)) in g.labels.iter().zip(p.labels.iter()).enumerate() {
                    if let Some(gl) = gl {
                        t.context[f].1 += 1;
                        if pl.as_ref().map(norm_label) == Some(norm_label(gl)) {
                            t.context[f].0 += 1;
                        }
                    }
                }
            } else {
                report.misses.push(miss(d, "misread", Some(g), Some(p)));
            }
        }
        for (i, g) in d.mentions.iter().enumerate() {
            if !gold_paired[i] {
                report.misses.push(miss(d, "missed", Some(g), None));
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !pred_paired[j] {
                report.misses.push(miss(d, "false positive", None, Some(p)));
            }
        }
    }
    report
}

fn miss(d: &GoldDoc, kind: &'static str, g: Option<&Scored>, p: Option<&Scored>) -> Miss {
    let at = g.or(p).expect("a miss has a side");
    let chars: Vec<char> = d.article.text.chars().collect();
    let from = at.start.saturating_sub(60).min(chars.len());
    let to = (at.end + 60).min(chars.len());
    let (s, e) = (at.start.min(chars.len()), at.end.min(chars.len()));
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', "⏎");
    let context = format!("{}[{}]{}", piece(from, s), piece(s, e.max(s)), piece(e.max(s), to));
    Miss { doc: d.id.clone(), kind, gold: g.cloned(), pred: p.cloned(), context }
}

fn fmt_value(s: &Scored) -> String {
    let v = s.value.map(|v| v.normalize().to_string()).unwrap_or_else(|| "-".into());
    let v = match s.value_max {
        Some(m) => format!("{v}–{}", m.normalize()),
        None => v,
    };
    format!("{v} {}", s.currency.join("|"))
}

impl Report {
    /// The figures, in the reference scorer's layout.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (key, t) in &self.groups {
            let (dp, dr, df) = t.detect_prf();
            let (fp, fr, ff) = t.figure_prf();
            let _ = writeln!(out, "[{key}] docs {}  gold {}  pred {}", t.docs, t.gold, t.pred);
            let _ = writeln!(out, "  detect  P {dp:.3}  R {dr:.3}  F1 {df:.3}   span exact {:.3}", t.span_exact());
            let _ = writeln!(out, "  figure  P {fp:.3}  R {fr:.3}  F1 {ff:.3}");
            let ctx: Vec<String> = CONTEXT_FIELDS
                .iter()
                .zip(t.context.iter())
                .filter(|(_, (_, n))| *n > 0)
                .map(|(f, (c, n))| format!("{f} {:.2}/{n}", *c as f64 / *n as f64))
                .collect();
            if !ctx.is_empty() {
                let _ = writeln!(out, "  context {}", ctx.join("  "));
            }
            // Grouping is scored over the whole run, under its "all" line.
            if let (Some(m), "all") = (&self.metric_pairs, key.as_str()) {
                let _ = writeln!(out, "{}", m.line());
            }
        }
        if let (Some(m), false) = (&self.metric_pairs, self.groups.contains_key("all")) {
            let _ = writeln!(out, "[all]\n{}", m.line());
        }
        out
    }

    /// Each miss and false positive with the text around it.
    pub fn render_misses(&self) -> String {
        let mut out = String::new();
        for m in &self.misses {
            let gold = m.gold.as_ref().map(fmt_value).unwrap_or_else(|| "-".into());
            let pred = m.pred.as_ref().map(fmt_value).unwrap_or_else(|| "-".into());
            let _ = writeln!(out, "{}\t{}\tgold {}\tpred {}\t{}", m.doc, m.kind, gold, pred, m.context);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, value: &str, cur: &str) -> Scored {
        Scored {
            start,
            end,
            value: Some(Decimal::from_str(value).unwrap()),
            value_max: None,
            currency: vec![cur.into()],
            labels: Default::default(),
            surface: String::new(),
            group: None,
        }
    }

    #[test]
    fn metric_pairs_count_what_lands_together() {
        // gold quantity and status, predicted metric
        let cases =
            [("q1", "approved", "m1"), ("q1", "approved", "m1"), ("q1", "approved", "m2"), ("q2", "pledged", "m2")];
        let mut pairs = MetricPairs::default();
        for (quantity, status, metric) in cases {
            let mut gold = s(0, 1, "1", "USD");
            gold.group = Some(quantity.into());
            gold.labels[2] = Some(Label::Text(status.into()));
            let mut pred = s(0, 1, "1", "USD");
            pred.group = Some(metric.into());
            pairs.add(&gold, &pred);
        }
        // Gold pairs: the three of q1/enacted, 3. Predicted: m1's one and m2's one, 2. Right: m1's.
        let (p, r, _) = pairs.prf();
        assert_eq!((p, r), (0.5, 1.0 / 3.0));
        assert!(pairs.line().contains("(gold units 2, predicted metrics 2)"), "{}", pairs.line());
    }

    #[test]
    fn pairs_by_largest_overlap_one_to_one() {
        let gold = vec![s(0, 10, "1", "USD"), s(20, 30, "2", "USD")];
        let pred = vec![s(5, 25, "1", "USD"), s(22, 30, "2", "USD"), s(40, 50, "3", "USD")];
        // pred 0 overlaps gold 0 by 5 and gold 1 by 5; pred 1 overlaps gold 1 by 8.
        assert_eq!(pair(&gold, &pred), vec![(1, 1), (0, 0)]);
    }

    #[test]
    fn prf_edges_follow_the_reference() {
        assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
        assert_eq!(prf(0, 0, 3), (0.0, 0.0, 0.0));
        assert_eq!(prf(0, 2, 0), (0.0, 1.0, 0.0));
        let (p, r, f) = prf(3, 4, 6);
        assert!((p - 0.75).abs() < 1e-12 && (r - 0.5).abs() < 1e-12 && (f - 0.6).abs() < 1e-12);
    }

    #[test]
    fn figures_need_value_and_currency() {
        let g = s(0, 5, "5000000000", "USD");
        assert!(figure_ok(&g, &s(0, 5, "5000000000.00", "USD")));
        assert!(!figure_ok(&g, &s(0, 5, "5000000000", "EUR")));
        let mut any = g.clone();
        any.currency = vec!["USD".into(), "CAD".into()];
        assert!(figure_ok(&any, &s(0, 5, "5000000000", "CAD")));
    }

    #[test]
    fn labels_normalise_aliases() {
        assert_eq!(norm_label(&Label::Text("U.S.".into())), norm_label(&Label::Text("United States".into())));
        assert_ne!(norm_label(&Label::Text("EU".into())), norm_label(&Label::Text("United States".into())));
    }
}
