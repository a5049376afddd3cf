//! Plain-text articles. The first line may carry a dateline, which gives the
//! date and outlet and is not part of the article text:
//! - ` date 2024-03-13 (MENAFN) body…` (the body may start on the same line)
//! - `March 13, 2024 (Reuters) - body…`
//! - `KYIV, March 13 (Reuters) - body…` (the year from the file name, else none)
//!
//! A first line without a dateline, followed by one with, is the title.

use super::date::{month, parse_date, ymd};
use super::{Article, ReadError};
use chrono::NaiveDate;

struct Dateline {
    published: Option<NaiveDate>,
    outlet: Option<String>,
    /// Byte offset in the line where the body starts.
    body: usize,
}

pub(super) fn read(name: &str, data: &str) -> Result<Article, ReadError> {
    let year_hint = year_in_name(name);
    let trimmed = data.trim_start();
    let (first, rest) = split_line(trimmed);
    let (title, published, outlet, body) = if let Some(d) = dateline(first, year_hint) {
        (None, d.published, d.outlet, format!("{}{}", &first[d.body..], rest))
    } else {
        let after = rest.trim_start();
        let (second, rest2) = split_line(after);
        match dateline(second, year_hint) {
            Some(d) if first.trim().len() <= 200 => {
                (Some(first.trim().to_string()), d.published, d.outlet, format!("{}{}", &second[d.body..], rest2))
            }
            _ => (None, None, None, trimmed.to_string()),
        }
    };
    let text = body.trim().to_string();
    if text.is_empty() {
        return Err(ReadError::new(name, Some(1), "a dateline with no article text after it"));
    }
    Ok(Article::new(None, outlet, published, None, title, text, name.to_string())
        .dated_by(super::PublishedFrom::Dateline))
}

/// The first line and everything after it (the newline stays with the rest).
fn split_line(s: &str) -> (&str, &str) {
    match s.find('\n') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

fn dateline(line: &str, year_hint: Option<i32>) -> Option<Dateline> {
    let lead = line.len() - line.trim_start().len();
    let l = &line[lead..];
    if let Some(rest) = l.strip_prefix("date ") {
        let date_str = rest.get(..10)?;
        let published = parse_date(date_str)?;
        let mut body = lead + 5 + 10;
        let after = &line[body..];
        let mut outlet = None;
        let a = after.trim_start();
        if let Some(inner) = a.strip_prefix('(') {
            let close = inner.find(')')?;
            outlet = Some(inner[..close].trim().to_string()).filter(|s| !s.is_empty());
            body += (after.len() - a.len()) + 1 + close + 1;
        }
        return Some(Dateline { published: Some(published), outlet, body });
    }
    // "March 13, 2024 (Reuters) -" and "KYIV, March 13 (Reuters) -"
    let open = l.find('(')?;
    if open > 80 {
        return None;
    }
    let close = open + l[open..].find(')')?;
    let after = &l[close + 1..];
    let after_trim = after.trim_start();
    let dash = ["-", "–", "—"].iter().find(|d| after_trim.starts_with(**d))?;
    let body = lead + close + 1 + (after.len() - after_trim.len()) + dash.len();
    let outlet = Some(l[open + 1..close].trim().to_string()).filter(|s| !s.is_empty());
    let head = l[..open].trim();
    let published = if let Some(d) = parse_date(head) {
        Some(d)
    } else {
        // PLACE, Month Day[, Year]
        let (place, date) = head.split_once(',')?;
        if place.is_empty() || place.chars().any(char::is_lowercase) {
            return None;
        }
        let parts: Vec<&str> = date.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
        match parts.as_slice() {
            [m, d] => {
                let m = month(m)?;
                year_hint.and_then(|y| ymd(&y.to_string(), m, d))
            }
            [m, d, y] => ymd(y, month(m)?, d),
            _ => return None,
        }
    };
    Some(Dateline { published, outlet, body })
}

/// A year written in the file name ("reuters-2024-03-13.txt"), the only
/// context a wire dateline without a year can take it from.
fn year_in_name(name: &str) -> Option<i32> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let bytes = file.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let w = &bytes[i..i + 4];
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let boundary_after = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit();
        if boundary_before && boundary_after && w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2') {
            std::str::from_utf8(w).ok()?.parse().ok()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        // file name, text, published, outlet, title, text start
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            (
                "a.txt",
                " date 2024-03-13 (MENAFN) In a significant move",
                Some("2024-03-13"),
                Some("MENAFN"),
                None,
                "In a significant",
            ),
            ("a.txt", "date 2024-03-13 (MENAFN)\n\nBody here.", Some("2024-03-13"), Some("MENAFN"), None, "Body here."),
            (
                "a.txt",
                "March 13, 2024 (Reuters) - The U.S. said",
                Some("2024-03-13"),
                Some("Reuters"),
                None,
                "The U.S. said",
            ),
            ("a.txt", "KYIV, March 13 (Reuters) - Ukraine said", None, Some("Reuters"), None, "Ukraine said"),
            (
                "wire-2024-03-13.txt",
                "KYIV, March 13 (Reuters) - Ukraine said",
                Some("2024-03-13"),
                Some("Reuters"),
                None,
                "Ukraine said",
            ),
            ("a.txt", "NEW YORK, Sept. 5, 2023 (AP) — Hi", Some("2023-09-05"), Some("AP"), None, "Hi"),
            (
                "a.txt",
                "Aid bill passes\nMarch 13, 2024 (Reuters) - Body",
                Some("2024-03-13"),
                Some("Reuters"),
                Some("Aid bill passes"),
                "Body",
            ),
            ("a.txt", "No dateline (really) here.", None, None, None, "No dateline"),
        ];
        for (name, text, date, outlet, title, start) in cases {
            let a = read(name, text).unwrap();
            assert_eq!(a.published.map(|d| d.to_string()).as_deref(), *date, "{text}");
            assert_eq!(a.outlet.as_deref(), *outlet, "{text}");
            assert_eq!(a.title.as_deref(), *title, "{text}");
            assert!(a.text.starts_with(start), "{text}: {:?}", a.text);
        }
    }

    #[test]
    fn a_dateline_alone_is_an_error() {
        let e = read("a.txt", "date 2024-03-13 (MENAFN)").unwrap_err();
        assert_eq!(e.to_string(), "a.txt:1: a dateline with no article text after it");
    }
}
