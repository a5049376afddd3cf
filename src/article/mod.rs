//! Articles and their readers: plain text with a dateline, HTML pages, JSON
//! Lines and CSV, from files, folders or standard input.
//!
//! A reader never stops at the first bad input: each article or error is
//! handed to the caller in turn, and an error names the file and line.

mod csvin;
mod date;
mod html;
mod jsonl;
mod text;

pub use date::{month as month_number, parse_date};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article as read: the text every mention's offsets point into.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Where it was read from: "file" or "file:line".
    pub origin: String,
}

impl Article {
    /// Builds an article, giving it the stable id: the id supplied, else a
    /// hash of outlet, url and text, so that reading the same article twice
    /// never makes two.
    pub fn new(
        id: Option<String>,
        outlet: Option<String>,
        published: Option<NaiveDate>,
        url: Option<String>,
        title: Option<String>,
        text: String,
        origin: String,
    ) -> Article {
        let id =
            id.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| content_id(outlet.as_deref(), url.as_deref(), &text));
        Article { id, outlet, published, url, title, text, origin }
    }
}

/// A hash of outlet + url + text, 16 hex digits.
pub fn content_id(outlet: Option<&str>, url: Option<&str>, text: &str) -> String {
    let mut h = Sha256::new();
    h.update(outlet.unwrap_or("").as_bytes());
    h.update([0x1f]);
    h.update(url.unwrap_or("").as_bytes());
    h.update([0x1f]);
    h.update(text.as_bytes());
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Csv,
}

impl Format {
    /// The format a file name implies, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// Guesses the format of data with no name (standard input).
    fn sniff(data: &str) -> Format {
        let head = data.trim_start();
        if head.starts_with('{') {
            Format::Jsonl
        } else if head.starts_with('<') {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Why an input could not be read, with the place.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> ReadError {
        ReadError { path: path.to_string(), line, message: message.into() }
    }
}

/// Reads every article under `inputs` (files, folders read recursively in
/// name order, or "-" for standard input) and hands each article or error to
/// `each`, in order.
pub fn read_inputs(inputs: &[PathBuf], format: Option<Format>, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut buf) {
                Ok(_) => read_bytes("<stdin>", &buf, format, each),
                Err(e) => each(Err(ReadError::new("<stdin>", None, format!("cannot read: {e}")))),
            }
            continue;
        }
        let shown = input.display().to_string();
        match std::fs::metadata(input) {
            Err(e) => each(Err(ReadError::new(&shown, None, format!("cannot read: {e}")))),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                if let Err(e) = collect_files(input, &mut files) {
                    each(Err(e));
                }
                for file in files {
                    read_file(&file, format, each);
                }
            }
            Ok(_) => read_file(input, format, each),
        }
    }
}

/// Files with a known article extension below `dir`, sorted, hidden ones left out.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ReadError::new(&dir.display().to_string(), None, format!("cannot list: {e}")))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // A linked folder could lead back up the tree: only real folders are entered.
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() {
            if !is_link {
                collect_files(&p, out)?;
            }
        } else if Format::from_path(&p).is_some() {
            out.push(p);
        }
    }
    Ok(())
}

fn read_file(path: &Path, format: Option<Format>, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let format = format.or_else(|| Format::from_path(path));
            read_bytes(&shown, &bytes, format, each)
        }
        Err(e) => each(Err(ReadError::new(&shown, None, format!("cannot read: {e}")))),
    }
}

/// Reads articles from the bytes of one input named `name`.
pub fn read_bytes(name: &str, bytes: &[u8], format: Option<Format>, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return each(Err(ReadError::new(name, None, "binary file (NUL bytes), not an article")));
    }
    let data = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
            return each(Err(ReadError::new(name, Some(line), format!("invalid UTF-8 at byte {at}"))));
        }
    };
    let data = data.strip_prefix('\u{feff}').unwrap_or(data);
    if data.trim().is_empty() {
        return each(Err(ReadError::new(name, None, "empty file")));
    }
    match format.unwrap_or_else(|| Format::sniff(data)) {
        Format::Text => each(text::read(name, data)),
        Format::Html => each(html::read(name, data)),
        Format::Jsonl => jsonl::read(name, data, each),
        Format::Csv => csvin::read(name, data, each),
    }
}

/// Reads the common fields of a record (JSON Lines or CSV) into an article.
fn from_fields(
    origin: String,
    id: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    title: Option<String>,
    text: String,
) -> Result<Article, String> {
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let published = match nonempty(published) {
        None => None,
        Some(p) => Some(parse_date(&p).ok_or_else(|| format!("published {p:?} is not a date (want YYYY-MM-DD)"))?),
    };
    if text.trim().is_empty() {
        return Err("the text is empty".into());
    }
    Ok(Article::new(nonempty(id), nonempty(outlet), published, nonempty(url), nonempty(title), text, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(name: &str, data: &[u8], format: Option<Format>) -> Vec<Result<Article, ReadError>> {
        let mut out = Vec::new();
        read_bytes(name, data, format, &mut |r| out.push(r));
        out
    }

    #[test]
    fn bad_bytes_are_errors_with_a_place() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "x: empty file"),
            (b"  \n\n", "x: empty file"),
            (b"abc\x00def", "x: binary file (NUL bytes), not an article"),
            (b"line one\nline \xff two", "x:2: invalid UTF-8 at byte 14"),
        ];
        for (data, want) in cases {
            let got = read_all("x", data, None);
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].as_ref().unwrap_err().to_string(), *want);
        }
    }

    #[test]
    fn ids_are_stable_and_given_ids_win() {
        let a = Article::new(None, Some("O".into()), None, Some("u".into()), None, "t".into(), "f".into());
        let b = Article::new(None, Some("O".into()), None, Some("u".into()), None, "t".into(), "g".into());
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
        let c = Article::new(None, Some("O".into()), None, Some("u".into()), None, "t2".into(), "f".into());
        assert_ne!(a.id, c.id);
        let d = Article::new(Some("given".into()), None, None, None, None, "t".into(), "f".into());
        assert_eq!(d.id, "given");
    }

    #[test]
    fn sniffs_stdin() {
        assert_eq!(Format::sniff("  {\"text\": 1}"), Format::Jsonl);
        assert_eq!(Format::sniff("<html>"), Format::Html);
        assert_eq!(Format::sniff("date 2024-01-01 (X) hi"), Format::Text);
    }
}
