//! Dates as articles write them: ISO ("2024-03-13", "2024-03-13T10:00:00Z")
//! and English ("March 13, 2024", "13 March 2024", "Sept. 5, 2023").

use chrono::NaiveDate;

/// The number of a month named in English, full or abbreviated ("Sept.").
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let names = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    names.iter().position(|n| n.starts_with(&w) && (w.len() >= 3) && (w == *n || w.len() <= 4)).map(|i| i as u32 + 1)
}

/// A date in any of the forms above; `None` when it is not one.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            if s.len() == 10 || matches!(s.as_bytes()[10], b'T' | b' ' | b't') {
                return Some(d);
            }
        }
    }
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        // March 13, 2024
        [m, d, y] if month(m).is_some() => ymd(y, month(m)?, d),
        // 13 March 2024
        [d, m, y] if month(m).is_some() => ymd(y, month(m)?, d),
        _ => None,
    }
}

pub(crate) fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    let d: u32 = d.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2024-03-13", Some("2024-03-13")),
            ("2024-03-13T10:20:00Z", Some("2024-03-13")),
            ("2024-03-13 10:20", Some("2024-03-13")),
            ("March 13, 2024", Some("2024-03-13")),
            ("Sept. 5, 2023", Some("2023-09-05")),
            ("13 March 2024", Some("2024-03-13")),
            ("2024-02-30", None),
            ("soon", None),
            ("Mayday 1, 2024", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).map(|d| d.to_string()).as_deref(), *want, "{s}");
        }
    }
}
