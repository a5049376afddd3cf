//! JSON Lines: one article a line with `text` and optional `id`, `outlet`,
//! `published`, `url`, `title`; other fields are ignored.

use super::{from_fields, Article, ReadError};
use serde_json::Value;

pub(super) fn read(name: &str, data: &str, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    for (n, line) in data.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        each(read_line(name, line_no, line));
    }
}

/// One line of a JSON Lines file as the article `extract` reads from it.
pub(crate) fn read_line(name: &str, line_no: usize, line: &str) -> Result<Article, ReadError> {
    let err = |m: String| ReadError::new(name, Some(line_no), m);
    let v: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| err("not a JSON object".into()))?;
    let field = |k: &str| -> Result<Option<String>, ReadError> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(err(format!("field {k:?} must be a string"))),
        }
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(err("field \"text\" must be a string".into())),
        None => return Err(err("no \"text\" field".into())),
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
        read("f.jsonl", data, &mut |r| got.push(r));
        assert_eq!(got.len(), 5);
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.outlet.as_deref(), a.origin.as_str()), ("a1", Some("X"), "f.jsonl:1"));
        assert_eq!(got[1].as_ref().unwrap_err().to_string(), "f.jsonl:3: field \"text\" must be a string");
        assert!(got[2].as_ref().unwrap_err().to_string().starts_with("f.jsonl:4: not JSON"));
        assert!(got[3].as_ref().unwrap_err().to_string().starts_with("f.jsonl:5: published \"yesterday\""));
        assert_eq!(got[4].as_ref().unwrap().id, "8");
    }
}
