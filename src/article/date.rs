//! Dates as articles write them: ISO ("2024-03-13", "2024-03-13T10:00:00Z")
//! and in words ("March 13, 2024", "13 March 2024", "Sept. 5, 2023"), the
//! month named in English, German or French.

use chrono::NaiveDate;

/// The number of a month named in English, German or French, full or (in
/// English) abbreviated ("Sept."): "March", "März", "mars".
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    const ENGLISH: [&str; 12] = [
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
    // Full names only: their abbreviations ("mar", "jan") are the English ones.
    const GERMAN: [&str; 12] = [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ];
    const FRENCH: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let number = |i: usize| i as u32 + 1;
    ENGLISH
        .iter()
        .position(|n| n.starts_with(&w) && (w == *n || w.len() <= 4))
        .or_else(|| GERMAN.iter().chain(&FRENCH).position(|n| *n == w).map(|i| i % 12))
        .map(number)
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

/// A date the publisher printed in an article's address: `/2024/04/24/`,
/// `/2024-04-24-slug`, `/20240424/`. Only the path is read, and only whole
/// path segments (or a segment's start, for `2024-04-24-slug`).
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let plausible = |d: NaiveDate| (1990..=2100).contains(&chrono::Datelike::year(&d));
    let parsed = |s: &str, format: &str| NaiveDate::parse_from_str(s, format).ok().filter(|d| plausible(*d));
    for (i, seg) in segments.iter().enumerate() {
        // /2024/04/24/ (the day may run on into a slug: /2024/04/24-aid)
        if let (true, Some(m), Some(d)) = (digits(seg, 4), segments.get(i + 1), segments.get(i + 2)) {
            let day = d.get(..2).filter(|day| digits(day, 2) && !d.as_bytes().get(2).is_some_and(u8::is_ascii_digit));
            if let (true, Some(day)) = (digits(m, 2), day) {
                let found = NaiveDate::from_ymd_opt(seg.parse().ok()?, m.parse().ok()?, day.parse().ok()?);
                if let Some(found) = found.filter(|d| plausible(*d)) {
                    return Some(found);
                }
            }
        }
        // /2024-04-24-slug/ or /2024-04-24/
        let dashed =
            seg.len() >= 10 && seg.is_char_boundary(10) && !seg.as_bytes().get(10).is_some_and(u8::is_ascii_digit);
        if let Some(d) = dashed.then(|| parsed(&seg[..10], "%Y-%m-%d")).flatten() {
            return Some(d);
        }
        // /20240424/
        if let Some(d) = digits(seg, 8).then(|| parsed(seg, "%Y%m%d")).flatten() {
            return Some(d);
        }
    }
    None
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
    fn dates_in_addresses() {
        let cases: &[(&str, Option<&str>)] = &[
            ("https://www.upi.example/Top_News/2024/04/20/house-passes-aid/123/", Some("2024-04-20")),
            ("https://news.example/2024-04-24-aid-bill-passes", Some("2024-04-24")),
            ("https://news.example/world/20240424/aid.html", Some("2024-04-24")),
            ("https://news.example/2024/04/24", Some("2024-04-24")),
            ("https://news.example/2024/13/40/x", None),
            ("https://news.example/stories/202411250288.html", None),
            ("https://news.example/view.php?id=20240424", None),
            ("https://20240424.example/aid", None),
            ("https://news.example/aid-2024-bill", None),
            ("not a url", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url).map(|d| d.to_string()).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn months_in_three_languages() {
        let cases: &[(&str, Option<u32>)] = &[
            ("March", Some(3)),
            ("Sept.", Some(9)),
            ("März", Some(3)),
            ("Dezember", Some(12)),
            ("mars", Some(3)),
            ("août", Some(8)),
            ("Février", Some(2)),
            ("Mai", Some(5)),
            ("Mars", Some(3)),
            // Abbreviations are English only; other words are no month.
            ("Dez.", None),
            ("marsh", None),
            ("am", None),
        ];
        for (word, want) in cases {
            assert_eq!(month(word), *want, "{word}");
        }
    }

    #[test]
    fn dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2024-03-13", Some("2024-03-13")),
            ("2024-03-13T10:20:00Z", Some("2024-03-13")),
            ("2024-03-13 10:20", Some("2024-03-13")),
            ("March 13, 2024", Some("2024-03-13")),
            ("Sept. 5, 2023", Some("2023-09-05")),
            ("13 March 2024", Some("2024-03-13")),
            ("13 mars 2024", Some("2024-03-13")),
            ("2024-02-30", None),
            ("soon", None),
            ("Mayday 1, 2024", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).map(|d| d.to_string()).as_deref(), *want, "{s}");
        }
    }
}
