//! The shapes extraction results are written in: one JSON document per
//! article (the corpus schema, so gold tools read it as it is), CSV rows, and
//! a plain table for the terminal.

use crate::article::Article;
use crate::extract::Money;
use serde::Serialize;
use std::io::{self, Write};

/// One mention in the corpus schema. The context labels stay null until the
/// classifier fills them.
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
    pub category: Option<&'a str>,
    pub status: Option<&'a str>,
    pub donor: Option<&'a str>,
    pub recipient: Option<&'a str>,
    pub source: Option<&'a str>,
    pub aid_to_ukraine: Option<bool>,
}

/// One article and its mentions.
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub mentions: Vec<MentionRecord<'a>>,
}

pub fn mention_record(m: &Money) -> MentionRecord<'_> {
    MentionRecord {
        start: m.start,
        end: m.end,
        surface: &m.surface,
        value: m.value.to_string(),
        value_max: m.value_max.map(|v| v.to_string()),
        currency: m.currency,
        qualifier: m.qualifier.as_str(),
        sentence: &m.sentence,
        category: None,
        status: None,
        donor: None,
        recipient: None,
        source: None,
        aid_to_ukraine: None,
    }
}

pub fn document_record<'a>(a: &'a Article, mentions: &'a [Money]) -> DocumentRecord<'a> {
    DocumentRecord {
        id: &a.id,
        outlet: a.outlet.as_deref(),
        published: a.published.map(|d| d.to_string()),
        url: a.url.as_deref(),
        title: a.title.as_deref(),
        mentions: mentions.iter().map(mention_record).collect(),
    }
}

/// Writes one JSON line.
pub fn write_jsonl(out: &mut dyn Write, a: &Article, mentions: &[Money]) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &document_record(a, mentions))?;
    out.write_all(b"\n")
}

pub const CSV_HEADER: &[&str] = &[
    "article_id",
    "outlet",
    "published",
    "start",
    "end",
    "surface",
    "value",
    "value_max",
    "currency",
    "qualifier",
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

pub fn csv_row(a: &Article, m: &Money) -> Vec<String> {
    vec![
        csv_cell(&a.id),
        csv_cell(a.outlet.as_deref().unwrap_or("")),
        a.published.map(|d| d.to_string()).unwrap_or_default(),
        m.start.to_string(),
        m.end.to_string(),
        csv_cell(&m.surface),
        m.value.to_string(),
        m.value_max.map(|v| v.to_string()).unwrap_or_default(),
        m.currency.to_string(),
        m.qualifier.as_str().to_string(),
        csv_cell(&m.sentence),
    ]
}

/// A line of the terminal table: where, the figure, and the words.
pub fn table_line(a: &Article, m: &Money) -> String {
    let value = match m.value_max {
        Some(max) => format!("{}–{}", m.value, max),
        None => m.value.to_string(),
    };
    let surface: String = m.surface.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{:<24} {:>7} {:>22} {:<3} {:<9} {}",
        truncate(&a.id, 24),
        m.start,
        value,
        m.currency,
        m.qualifier.as_str(),
        surface
    )
}

pub fn table_header() -> String {
    format!("{:<24} {:>7} {:>22} {:<3} {:<9} {}", "article", "start", "value", "cur", "qualifier", "surface")
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
}
