//! CSV with a header naming the article columns (`text` required; `id`,
//! `outlet`, `published`, `url`, `title` optional, in any order).

use super::{decode_record, from_fields, Article, ReadError};
use std::io::BufRead;

/// Reads the records of `input` one at a time, handing each article or
/// error to `each`. Returns whether the input held anything.
pub(super) fn read(name: &str, input: &mut dyn BufRead, each: &mut dyn FnMut(Result<Article, ReadError>)) -> bool {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) if h.iter().all(|f| f.trim_ascii().is_empty()) => return false,
        Ok(h) => h.iter().map(|f| decode_record(f).unwrap_or_default().into_owned()).collect(),
        Err(e) => {
            each(Err(ReadError::new(name, Some(1), format!("bad CSV header: {e}"))));
            return true;
        }
    };
    let col = |k: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(k));
    let Some(text_col) = col("text") else {
        each(Err(ReadError::new(name, Some(1), "the CSV header has no \"text\" column")));
        return true;
    };
    let cols = [col("id"), col("outlet"), col("published"), col("url"), col("title")];
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                each(Err(ReadError::new(name, line, format!("bad CSV record: {}", short_csv_error(&e)))));
                // A record that cannot be read leaves the reader where it
                // can go on only when the fault was the record's own.
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let mut bad = None;
                let mut get = |c: Option<usize>| {
                    c.and_then(|i| record.get(i)).and_then(|b| match decode_record(b) {
                        Ok(s) => Some(s.into_owned()),
                        Err(m) => {
                            bad = Some(m);
                            None
                        }
                    })
                };
                let text = get(Some(text_col)).unwrap_or_default();
                let [id, outlet, published, url, title] = cols.map(&mut get);
                let article = match bad {
                    Some(m) => Err(m),
                    None => from_fields(format!("{name}:{line}"), id, outlet, published, url, title, text),
                };
                each(article.map_err(|m| ReadError::new(name, Some(line), m)));
            }
        }
    }
    true
}

fn short_csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} fields where the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_ones() {
        let data = "title,text,outlet\nT1,\"A $5 billion, package\",X\nT2,only two\nT3,,X\nT4,fine,Y\n";
        let mut got = Vec::new();
        read("f.csv", &mut data.as_bytes(), &mut |r| got.push(r));
        assert_eq!(got.len(), 4);
        let a = got[0].as_ref().unwrap();
        assert_eq!(
            (a.title.as_deref(), a.text.as_str(), a.outlet.as_deref()),
            (Some("T1"), "A $5 billion, package", Some("X"))
        );
        assert_eq!(
            got[1].as_ref().unwrap_err().to_string(),
            "f.csv:3: bad CSV record: 2 fields where the header has 3"
        );
        assert_eq!(got[2].as_ref().unwrap_err().to_string(), "f.csv:4: the text is empty");
        assert_eq!(got[3].as_ref().unwrap().origin, "f.csv:5");
        let mut none = Vec::new();
        read("g.csv", &mut "a,b\n1,2\n".as_bytes(), &mut |r| none.push(r));
        assert_eq!(none[0].as_ref().unwrap_err().to_string(), "g.csv:1: the CSV header has no \"text\" column");
    }

    #[test]
    fn a_record_in_a_legacy_encoding_is_decoded_on_its_own() {
        // Windows-1252 in the second record only: 0x80 is the euro sign.
        let data: &[u8] =
            b"text\n\"Kyiv got \xe2\x82\xac5 billion.\"\n\"Die Schweiz zahlt \x805 Milliarden f\xfcr Kyiv.\"\n";
        let mut got = Vec::new();
        read("f.csv", &mut &data[..], &mut |r| got.push(r.map(|a| a.text)));
        assert_eq!(
            got,
            [Ok("Kyiv got €5 billion.".to_string()), Ok("Die Schweiz zahlt €5 Milliarden für Kyiv.".to_string())]
        );
    }
}
