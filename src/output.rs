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

/// Writes one JSON line: the bytes serde_json writes for `document_record`
/// (a test holds the two together), written by hand into one buffer. On
/// dense news the output is three times the input, every mention carrying
/// its sentence; serde_json escapes a byte at a time, and this writer looks
/// at eight at once for a byte that needs escaping.
pub fn write_jsonl<W: Write>(out: &mut W, l: &Labeled<'_>, explain: bool) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1024 * (1 + l.mentions.len()));
    write_document(&mut buf, l, explain);
    buf.push(b'\n');
    out.write_all(&buf)
}

fn write_document(buf: &mut Vec<u8>, l: &Labeled<'_>, explain: bool) {
    let a = l.article;
    let mut doc = JsonObject::open(buf);
    doc.text("id", &a.id);
    doc.opt_text("outlet", a.outlet.as_deref());
    doc.opt_display("published", a.published.as_ref());
    doc.opt_text("published_from", a.published_from.map(|p| p.as_str()));
    doc.opt_text("url", a.url.as_deref());
    doc.opt_text("title", a.title.as_deref());
    doc.key("mentions");
    doc.out.push(b'[');
    for (i, m) in l.mentions.iter().enumerate() {
        if i > 0 {
            doc.out.push(b',');
        }
        write_mention(doc.out, m, l.context(i), explain.then_some(a.text.as_str()));
    }
    doc.out.push(b']');
    doc.close();
}

fn write_mention(buf: &mut Vec<u8>, m: &Money, c: Option<&Context>, explain: Option<&str>) {
    let mut o = JsonObject::open(buf);
    o.number("start", m.start);
    o.number("end", m.end);
    o.text("surface", &m.surface);
    o.display("value", &m.value);
    o.opt_display("value_max", m.value_max.as_ref());
    o.text("currency", m.currency);
    o.text("qualifier", m.qualifier.as_str());
    o.text("sentence", &m.sentence);
    o.opt_text("category", c.map(|c| c.category.as_str()));
    o.opt_text("status", c.map(|c| c.status.as_str()));
    o.opt_text("donor", c.and_then(|c| c.donor.as_deref()));
    o.opt_text("recipient", c.and_then(|c| c.recipient.as_deref()));
    o.opt_text("source", c.and_then(|c| c.source.as_deref()));
    o.key("aid_to_ukraine");
    o.out.extend_from_slice(match c.map(|c| c.aid_to_ukraine) {
        Some(true) => b"true",
        Some(false) => b"false",
        None => b"null",
    });
    o.opt_display("scope_start", c.and_then(|c| c.scope_start).as_ref());
    o.opt_display("scope_end", c.and_then(|c| c.scope_end).as_ref());
    o.opt_text("metric", c.map(|c| c.metric.slug()).as_deref());
    if let (Some(text), Some(c)) = (explain, c) {
        o.key("explain");
        o.out.push(b'[');
        for (k, w) in c.explain.iter().enumerate() {
            if k > 0 {
                o.out.push(b',');
            }
            let r = why_record(w, text);
            let mut why = JsonObject::open(o.out);
            why.text("label", r.label);
            why.text("value", r.value);
            why.opt_text("cue", r.cue);
            match r.at {
                Some(at) => why.number("at", at),
                None => why.opt_text("at", None),
            }
            why.text("rule", r.rule);
            why.close();
        }
        o.out.push(b']');
    }
    o.close();
}

/// One JSON object written into a byte buffer, its keys in the order given.
struct JsonObject<'b> {
    out: &'b mut Vec<u8>,
    fields: usize,
}

impl<'b> JsonObject<'b> {
    fn open(out: &'b mut Vec<u8>) -> JsonObject<'b> {
        out.push(b'{');
        JsonObject { out, fields: 0 }
    }

    /// A key: the fields' names are plain ASCII, written as they are.
    fn key(&mut self, key: &str) {
        if self.fields > 0 {
            self.out.push(b',');
        }
        self.fields += 1;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        json_string(self.out, value);
    }

    fn opt_text(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(v) => json_string(self.out, v),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn number(&mut self, key: &str, value: usize) {
        self.key(key);
        self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    /// A value written as a string of its `Display`: decimals and dates,
    /// which hold no byte that needs escaping.
    fn display(&mut self, key: &str, value: &impl std::fmt::Display) {
        self.key(key);
        self.out.push(b'"');
        let _ = write!(self.out, "{value}");
        self.out.push(b'"');
    }

    fn opt_display(&mut self, key: &str, value: Option<&impl std::fmt::Display>) {
        match value {
            Some(v) => self.display(key, v),
            None => self.opt_text(key, None),
        }
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it: the quote, the
/// backslash and the control characters below 0x20 (`\b \t \n \f \r` by
/// name, the rest as `\u00xx`); every other byte as it is.
fn json_string(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether any of eight bytes is a control character, '"' or '\\' (the
    // classic tests for a byte below n and for a zero byte, on a word).
    let needs_escape = |w: u64| {
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        let q = w ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q & HIGHS;
        let b = w ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b & HIGHS;
        control | quote | backslash != 0
    };
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut clean_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0c => b"\\f",
            b'\r' => b"\\r",
            0x00..=0x1f => &[],
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[clean_from..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        clean_from = i;
    }
    out.extend_from_slice(&bytes[clean_from..]);
    out.push(b'"');
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
    fn json_written_by_hand_is_what_serde_json_writes() {
        use crate::extract::Qualifier;
        let strings = [
            "plain text of some length, past eight bytes",
            "say \"no\" and a back\\slash",
            "tab\there, line\nbreak, return\r, bell\u{7}, nul\u{0}, \u{8}\u{c}\u{1f} \u{7f}",
            "café, Kyiv’s €50 billion, 日本",
            "",
            "\"",
            "12345678\"",
        ];
        // Each string in a sentence of its own with an amount, so that
        // the sentences written carry every kind of byte.
        let text: String = strings.iter().map(|s| format!("{s} The US gave $5.5 billion to Ukraine.\n\n")).collect();
        let article = Article {
            id: "id \"1\"".to_string(),
            outlet: Some(strings[1].to_string()),
            published: chrono::NaiveDate::from_ymd_opt(2024, 4, 24),
            url: None,
            title: Some(strings[2].to_string()),
            text: text.clone(),
            origin: "test".to_string(),
            published_from: Some(crate::article::PublishedFrom::Field),
        };
        let mut mentions = crate::extract::extract(&text);
        assert!(mentions.len() >= strings.len(), "{mentions:?}");
        // A range and a qualifier, which the text above does not hold.
        mentions[0].value_max = Some(rust_decimal::Decimal::new(-5, 1));
        mentions[0].qualifier = Qualifier::MoreThan;
        let lex = crate::lexicon::Lexicon::default_lexicon();
        let mut contexts = crate::classify::classify(&article, &mentions, lex);
        // The mentions past the third have no labels.
        contexts.truncate(3);
        contexts[0].donor = Some(strings[1].to_string());
        contexts[1].source = Some(strings[2].to_string());
        let labeled = Labeled { article: &article, mentions: &mentions, contexts: &contexts };
        for explain in [false, true] {
            let mut ours = Vec::new();
            write_jsonl(&mut ours, &labeled, explain).unwrap();
            let mut theirs = serde_json::to_vec(&document_record(&labeled, explain)).unwrap();
            theirs.push(b'\n');
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }

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
