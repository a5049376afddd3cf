//! JSON Lines: one article a line with `text` and optional `id`, `outlet`,
//! `published`, `url`, `title`; other fields are ignored.

use super::{decode_record, from_fields, Article, ReadError};
use serde_json::Value;
use std::io::BufRead;

/// The longest line read as one article. A longer one is no news article
/// (a dump's whole table on one line, say): it is skipped and named, so
/// that one bad line cannot take all the memory.
pub const MAX_RECORD_BYTES: usize = 50 * 1000 * 1000;

/// Reads the lines of `input` one at a time, handing each article or error
/// to `each`. Returns whether the input held any line that is not blank.
pub(super) fn read(name: &str, input: &mut dyn BufRead, each: &mut dyn FnMut(Result<Article, ReadError>)) -> bool {
    read_lines_up_to(MAX_RECORD_BYTES, name, input, each)
}

fn read_lines_up_to(
    limit: usize,
    name: &str,
    input: &mut dyn BufRead,
    each: &mut dyn FnMut(Result<Article, ReadError>),
) -> bool {
    let mut line: Vec<u8> = Vec::new();
    let mut any = false;
    for line_no in 1.. {
        line.clear();
        match next_line(input, &mut line, limit) {
            Ok(Line::End) => break,
            Ok(Line::TooLong) => {
                any = true;
                each(Err(ReadError::new(
                    name,
                    Some(line_no),
                    format!("a record of more than {}, skipped", size(limit)),
                )));
                continue;
            }
            Ok(Line::Read) => {}
            Err(e) => {
                each(Err(ReadError::new(name, Some(line_no), format!("cannot read: {e}"))));
                break;
            }
        }
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match decode_record(bytes) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => {
                any = true;
                each(read_line(name, line_no, &text));
            }
            Err(message) => {
                any = true;
                each(Err(ReadError::new(name, Some(line_no), message)));
            }
        }
    }
    any
}

/// A size in the words a user reads it in.
fn size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{bytes} bytes")
    }
}

enum Line {
    Read,
    /// Longer than the limit; the rest of it has been passed over.
    TooLong,
    End,
}

/// The next line of `input` into `line`, or the news that it was too long.
fn next_line(input: &mut dyn BufRead, line: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
    let n = std::io::Read::take(&mut *input, limit as u64 + 1).read_until(b'\n', line)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if line.len() <= limit || line.ends_with(b"\n") {
        return Ok(Line::Read);
    }
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(Line::TooLong);
        }
        match memchr::memchr(b'\n', chunk) {
            Some(at) => {
                input.consume(at + 1);
                return Ok(Line::TooLong);
            }
            None => {
                let all = chunk.len();
                input.consume(all);
            }
        }
    }
}

/// One line of a JSON Lines file as the article `extract` reads from it.
pub(crate) fn read_line(name: &str, line_no: usize, line: &str) -> Result<Article, ReadError> {
    let err = |m: String| ReadError::new(name, Some(line_no), m);
    let mut v: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let obj = v.as_object_mut().ok_or_else(|| err("not a JSON object".into()))?;
    // The text is moved out, not copied: it is most of the record.
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(err("field \"text\" must be a string".into())),
        None => return Err(err("no \"text\" field".into())),
    };
    let field = |k: &str| -> Result<Option<String>, ReadError> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(err(format!("field {k:?} must be a string"))),
        }
    };
    from_fields(
        format!("{name}:{line_no}"),
        field("id")?,
        field("outlet")?,
        field("published")?,
        field("url")?,
        field("title")?,
        text,
    )
    .map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_reports_bad_ones() {
        let data = concat!(
            "{\"id\": \"a1\", \"outlet\": \"X\", \"published\": \"2024-03-13\", \"text\": \"$5 billion\", \"extra\": 1}\n",
            "\n",
            "{\"text\": 5}\n",
            "not json\n",
            "{\"id\": 7, \"text\": \"hi\", \"published\": \"yesterday\"}\n",
            "{\"id\": 8, \"text\": \"hi\"}\n",
        );
        let mut got = Vec::new();
        read("f.jsonl", &mut data.as_bytes(), &mut |r| got.push(r));
        assert_eq!(got.len(), 5);
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.outlet.as_deref(), a.origin.as_str()), ("a1", Some("X"), "f.jsonl:1"));
        assert_eq!(got[1].as_ref().unwrap_err().to_string(), "f.jsonl:3: field \"text\" must be a string");
        assert!(got[2].as_ref().unwrap_err().to_string().starts_with("f.jsonl:4: not JSON"));
        assert!(got[3].as_ref().unwrap_err().to_string().starts_with("f.jsonl:5: published \"yesterday\""));
        assert_eq!(got[4].as_ref().unwrap().id, "8");
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_named_and_the_next_is_read() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(200));
        let data = format!(
            "{{\"id\": \"a\", \"text\": \"$5 billion\"}}\r\n{long}\n{{\"id\": \"b\", \"text\": \"$6 billion\"}}"
        );
        // The limit falls inside the long line, and inside a read buffer.
        let mut input = std::io::BufReader::with_capacity(16, data.as_bytes());
        let mut got = Vec::new();
        read_lines_up_to(100, "f.jsonl", &mut input, &mut |r| got.push(r.map(|a| a.id).map_err(|e| e.to_string())));
        assert_eq!(
            got,
            [
                Ok("a".to_string()),
                Err("f.jsonl:2: a record of more than 100 bytes, skipped".to_string()),
                Ok("b".to_string())
            ]
        );
    }

    #[test]
    fn a_line_in_a_legacy_encoding_is_decoded_on_its_own() {
        let data: &[u8] = b"{\"text\": \"Kyiv got \xe2\x82\xac5 billion.\"}\n{\"text\": \"L'\xe9tat verse 3 milliards d'euros \xe0 Kyiv.\"}\n";
        let mut got = Vec::new();
        read("f.jsonl", &mut &data[..], &mut |r| got.push(r.map(|a| a.text)));
        assert_eq!(
            got,
            [Ok("Kyiv got €5 billion.".to_string()), Ok("L'état verse 3 milliards d'euros à Kyiv.".to_string())]
        );
    }
}
