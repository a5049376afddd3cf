//! The shapes extraction results are written in: one JSON document per
//! article (the corpus schema, so gold tools read it as it is), CSV rows, and
//! a plain table for the terminal.

use crate::article::Article;
use crate::classify::{Context, Why};
use crate::extract::Money;
use crate::labels::{Category, Status};
use serde::Serialize;
use std::io::{self, Write};

/// One mention in the corpus schema, with the ledger's extra labels (scope,
/// metric) and, when asked for, why each label is what it is.
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
    /// Decimal strings, never floats.
    pub value: String,
    pub value_max: Option<String>,
    pub currency: &'a str,
    pub qualifier: &'a str,
    pub sentence: &'a str,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub donor: Option<&'a str>,
    pub recipient: Option<&'a str>,
    pub source: Option<&'a str>,
    pub aid_to_ukraine: Option<bool>,
    pub scope_start: Option<String>,
    pub scope_end: Option<String>,
    /// The metric key's slug.
    pub metric: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<WhyRecord<'a>>>,
}

/// Why a label is what it is: the cue's words and code point offset, or the rule.
#[derive(Debug, Serialize)]
pub struct WhyRecord<'a> {
    pub label: &'a str,
    pub value: &'a str,
    pub cue: Option<&'a str>,
    pub at: Option<usize>,
    pub rule: &'a str,
}

pub fn why_record<'a>(w: &'a Why, text: &'a str) -> WhyRecord<'a> {
    WhyRecord { label: w.label, value: &w.value, cue: w.cue(text), at: w.at(text), rule: w.rule.as_str() }
}

/// One article and its mentions.
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    /// What printed the date: dateline, meta, json-ld, url or field.
    pub published_from: Option<&'static str>,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub mentions: Vec<MentionRecord<'a>>,
}

pub fn mention_record<'a>(m: &'a Money, ctx: Option<&'a Context>, explain: Option<&'a str>) -> MentionRecord<'a> {
    MentionRecord {
        start: m.start,
        end: m.end,
        surface: &m.surface,
        value: m.value.to_string(),
        value_max: m.value_max.map(|v| v.to_string()),
        currency: m.currency,
        qualifier: m.qualifier.as_str(),
        sentence: &m.sentence,
        category: ctx.map(|c| c.category),
        status: ctx.map(|c| c.status),
        donor: ctx.and_then(|c| c.donor.as_deref()),
        recipient: ctx.and_then(|c| c.recipient.as_deref()),
        source: ctx.and_then(|c| c.source.as_deref()),
        aid_to_ukraine: ctx.map(|c| c.aid_to_ukraine),
        scope_start: ctx.and_then(|c| c.scope_start).map(|d| d.to_string()),
        scope_end: ctx.and_then(|c| c.scope_end).map(|d| d.to_string()),
        metric: ctx.map(|c| c.metric.slug()),
        // `explain` carries the article text the cues are read from.
        explain: explain.and_then(|text| ctx.map(|c| c.explain.iter().map(|w| why_record(w, text)).collect())),
    }
}

/// The mentions of an article with their labels.
pub struct Labeled<'a> {
    pub article: &'a Article,
    pub mentions: &'a [Money],
    pub contexts: &'a [Context],
}

impl Labeled<'_> {
    fn context(&self, i: usize) -> Option<&Context> {
        self.contexts.get(i)
    }
}

pub fn document_record<'a>(l: &'a Labeled<'a>, explain: bool) -> DocumentRecord<'a> {
    let a = l.article;
    DocumentRecord {
        id: &a.id,
        outlet: a.outlet.as_deref(),
        published: a.published.map(|d| d.to_string()),
        published_from: a.published_from.map(|p| p.as_str()),
        url: a.url.as_deref(),
        title: a.title.as_deref(),
        mentions: l
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| mention_record(m, l.context(i), explain.then_some(a.text.as_str())))
            .collect(),
    }
}

/// Writes one JSON line. Generic, not `dyn Write`: serde_json writes a
/// record in many small pieces, and a known writer takes each without a
/// virtual call.
pub fn write_jsonl<W: Write>(out: &mut W, l: &Labeled<'_>, explain: bool) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &document_record(l, explain))?;
    out.write_all(b"\n")
}

pub const CSV_HEADER: &[&str] = &[
    "article_id",
    "outlet",
    "published",
    "published_from",
    "start",
    "end",
    "surface",
    "value",
    "value_max",
    "currency",
    "qualifier",
    "category",
    "status",
    "donor",
    "recipient",
    "source",
    "aid_to_ukraine",
    "scope_start",
    "scope_end",
    "metric",
    "sentence",
];

/// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
/// return) as a formula; a leading quote keeps it text.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// One CSV record written straight into a byte buffer: the same bytes the
/// csv crate writes for `csv_cell`-escaped text (quotes only where a field
/// holds a comma, quote or line break), without a String per cell. For the
/// outputs that run to millions of rows.
pub struct CsvRecord<'b> {
    out: &'b mut Vec<u8>,
    fields: usize,
}

impl<'b> CsvRecord<'b> {
    pub fn new(out: &'b mut Vec<u8>) -> CsvRecord<'b> {
        CsvRecord { out, fields: 0 }
    }

    fn next_field(&mut self) {
        if self.fields > 0 {
            self.out.push(b',');
        }
        self.fields += 1;
    }

    /// Text, escaped against spreadsheet formulas as `csv_cell` does.
    pub fn text(&mut self, s: &str) {
        self.next_field();
        let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
            self.out.push(b'"');
            if formula {
                self.out.push(b'\'');
            }
            for b in s.bytes() {
                if b == b'"' {
                    self.out.push(b'"');
                }
                self.out.push(b);
            }
            self.out.push(b'"');
        } else {
            if formula {
                self.out.push(b'\'');
            }
            self.out.extend_from_slice(s.as_bytes());
        }
    }

    /// A value the tool computed (a number, a date): written as it prints.
    pub fn value(&mut self, v: impl std::fmt::Display) {
        use std::io::Write;
        self.next_field();
        // Writing into a Vec cannot fail.
        let _ = write!(self.out, "{v}");
    }

    /// A decimal as `Decimal::normalize().to_string()` prints it ("61000000000",
    /// "-1.5"), without the formatting machinery: millions of amounts.
    pub fn decimal(&mut self, d: rust_decimal::Decimal) {
        self.next_field();
        let (mut m, mut scale) = (d.mantissa().unsigned_abs(), d.scale() as usize);
        // The zeros the scale makes trailing go ("61000000000.00000000" →
        // "61000000000"); eight at once first, as ledger amounts carry eight.
        if scale >= 8 && m % 100_000_000 == 0 {
            m /= 100_000_000;
            scale -= 8;
        }
        while scale > 0 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        if m == 0 {
            self.out.push(b'0');
            return;
        }
        if d.is_sign_negative() {
            self.out.push(b'-');
        }
        let mut digits = [0u8; 40];
        let mut at = digits.len();
        match u64::try_from(m) {
            Ok(mut small) => {
                while small > 0 {
                    at -= 1;
                    digits[at] = b'0' + (small % 10) as u8;
                    small /= 10;
                }
            }
            Err(_) => {
                while m > 0 {
                    at -= 1;
                    digits[at] = b'0' + (m % 10) as u8;
                    m /= 10;
                }
            }
        }
        let digits = &digits[at..];
        if scale == 0 {
            self.out.extend_from_slice(digits);
        } else if digits.len() > scale {
            let point = digits.len() - scale;
            self.out.extend_from_slice(&digits[..point]);
            self.out.push(b'.');
            self.out.extend_from_slice(&digits[point..]);
        } else {
            self.out.extend_from_slice(b"0.");
            self.out.extend(std::iter::repeat_n(b'0', scale - digits.len()));
            self.out.extend_from_slice(digits);
        }
    }

    /// A date as YYYY-MM-DD.
    pub fn date(&mut self, d: chrono::NaiveDate) {
        use chrono::Datelike;
        if (0..=9999).contains(&d.year()) {
            self.next_field();
            let (y, m, day) = (d.year() as u32, d.month(), d.day());
            let two = |v: u32| [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
            self.out.extend_from_slice(&[
                b'0' + (y / 1000) as u8,
                b'0' + (y / 100 % 10) as u8,
                b'0' + (y / 10 % 10) as u8,
                b'0' + (y % 10) as u8,
                b'-',
            ]);
            self.out.extend_from_slice(&two(m));
            self.out.push(b'-');
            self.out.extend_from_slice(&two(day));
        } else {
            self.value(d);
        }
    }

    pub fn empty(&mut self) {
        self.next_field();
    }

    pub fn end(self) {
        self.out.push(b'\n');
    }
}

pub fn csv_row(a: &Article, m: &Money, c: Option<&Context>) -> Vec<String> {
    let opt = |s: Option<&str>| csv_cell(s.unwrap_or(""));
    vec![
        csv_cell(&a.id),
        csv_cell(a.outlet.as_deref().unwrap_or("")),
        a.published.map(|d| d.to_string()).unwrap_or_default(),
        a.published_from.map(|p| p.as_str()).unwrap_or_default().to_string(),
        m.start.to_string(),
        m.end.to_string(),
        csv_cell(&m.surface),
        m.value.to_string(),
        m.value_max.map(|v| v.to_string()).unwrap_or_default(),
        m.currency.to_string(),
        m.qualifier.as_str().to_string(),
        c.map(|c| c.category.to_string()).unwrap_or_default(),
        c.map(|c| c.status.to_string()).unwrap_or_default(),
        opt(c.and_then(|c| c.donor.as_deref())),
        opt(c.and_then(|c| c.recipient.as_deref())),
        opt(c.and_then(|c| c.source.as_deref())),
        c.map(|c| c.aid_to_ukraine.to_string()).unwrap_or_default(),
        c.and_then(|c| c.scope_start).map(|d| d.to_string()).unwrap_or_default(),
        c.and_then(|c| c.scope_end).map(|d| d.to_string()).unwrap_or_default(),
        c.map(|c| c.metric.slug()).unwrap_or_default(),
        csv_cell(&m.sentence),
    ]
}

/// A line of the terminal table: where, the figure, its labels, and the words.
pub fn table_line(a: &Article, m: &Money, c: Option<&Context>) -> String {
    let value = match m.value_max {
        Some(max) => format!("{}–{}", m.value, max),
        None => m.value.to_string(),
    };
    let surface: String = m.surface.split_whitespace().collect::<Vec<_>>().join(" ");
    let (category, status, donor) = match c {
        Some(c) => (c.category.as_str(), c.status.as_str(), c.donor.as_deref().unwrap_or("-")),
        None => ("", "", ""),
    };
    format!(
        "{:<24} {:>7} {:>22} {:<3} {:<9} {:<14} {:<10} {:<16} {}",
        truncate(&a.id, 24),
        m.start,
        value,
        m.currency,
        m.qualifier.as_str(),
        category,
        status,
        truncate(donor, 16),
        surface
    )
}

pub fn table_header() -> String {
    format!(
        "{:<24} {:>7} {:>22} {:<3} {:<9} {:<14} {:<10} {:<16} {}",
        "article", "start", "value", "cur", "qualifier", "category", "status", "donor", "surface"
    )
}

/// The explanation lines under a table row.
pub fn explain_lines(c: &Context, text: &str) -> Vec<String> {
    c.explain
        .iter()
        .map(|w| {
            let cue = match (w.cue(text), w.at(text)) {
                (Some(cue), Some(at)) => format!(" — cue {cue:?} at {at}"),
                _ => String::new(),
            };
            format!("    {:<15} {:<28} {}{}", w.label, truncate(&w.value, 28), w.rule, cue)
        })
        .collect()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_escaped() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-5", "'-5"),
            ("@x", "'@x"),
            ("$5 billion", "$5 billion"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_cell(cell), want);
        }
    }

    #[test]
    fn a_record_written_by_hand_matches_the_csv_crate() {
        let fields = ["plain", "a, comma", "say \"no\"", "two\nlines", "=SUM(A1)", "-1.5% off, said", "", "@x", "café"];
        let mut ours = Vec::new();
        let mut rec = CsvRecord::new(&mut ours);
        for f in fields {
            rec.text(f);
        }
        rec.value(rust_decimal::Decimal::new(-164, 2));
        rec.empty();
        rec.end();
        let mut theirs = csv::Writer::from_writer(Vec::new());
        let mut row: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
        row.extend(["-1.64".to_string(), String::new()]);
        theirs.write_record(&row).unwrap();
        let theirs = theirs.into_inner().unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }

    #[test]
    fn decimals_and_dates_written_by_hand_print_as_their_display() {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        let values = [
            "0",
            "0.00000000",
            "61000000000.00000000",
            "-1.64",
            "-0.5",
            "0.05",
            "60800000000",
            "1234567.5",
            "-61000000000.00",
            "0.000001",
            "10",
            "100.10",
            "-0.00",
            "79228162514264337593543950335",
        ];
        for v in values {
            let d = Decimal::from_str(v).unwrap();
            let mut out = Vec::new();
            let mut rec = CsvRecord::new(&mut out);
            rec.decimal(d);
            assert_eq!(String::from_utf8(out).unwrap(), d.normalize().to_string(), "{v}");
        }
        for day in ["2024-04-24", "0001-01-01", "1999-12-31"] {
            let d = chrono::NaiveDate::from_str(day).unwrap();
            let mut out = Vec::new();
            CsvRecord::new(&mut out).date(d);
            assert_eq!(String::from_utf8(out).unwrap(), d.to_string());
        }
    }
}
