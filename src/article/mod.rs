//! Articles and their readers: plain text with a dateline, HTML pages, JSON
//! Lines and CSV, from files, folders or standard input.
//!
//! A reader never stops at the first bad input: each article or error is
//! handed to the caller in turn, and an error names the file and line.

mod csvin;
mod date;
mod html;
pub(crate) mod jsonl;
mod text;

pub use date::{month as month_number, parse_date};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::fmt;
use std::io::BufRead;
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
    /// What printed the publication date, when there is one.
    pub published_from: Option<PublishedFrom>,
}

/// Where an article's date was read: each is the publisher's own word, none a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// The dateline at the top of a text ("March 13, 2024 (Reuters) -").
    Dateline,
    /// A meta tag of the page (`article:published_time`).
    Meta,
    /// The page's schema.org data (`datePublished` in JSON-LD).
    JsonLd,
    /// The date in the article's address (`/2024/04/24/`).
    Url,
    /// The `published` field of a JSON Lines or CSV record.
    Field,
}

impl PublishedFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Dateline => "dateline",
            PublishedFrom::Meta => "meta",
            PublishedFrom::JsonLd => "json-ld",
            PublishedFrom::Url => "url",
            PublishedFrom::Field => "field",
        }
    }
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
        Article { id, outlet, published, url, title, text, origin, published_from: None }
    }

    /// Says where the date came from; with no date, takes the one in the
    /// article's address, if the address has one.
    pub fn dated_by(mut self, from: PublishedFrom) -> Article {
        if self.published.is_some() {
            self.published_from = Some(from);
        } else if let Some(d) = self.url.as_deref().and_then(date::date_in_url) {
            self.published = Some(d);
            self.published_from = Some(PublishedFrom::Url);
        }
        self
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

/// A file a folder held that was not read as an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Not a format articles come in (.pdf, .docx, an image).
    UnsupportedType,
    /// The folder's README: a desk's notes about the folder, not news.
    FolderNotes,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            SkipReason::UnsupportedType => write!(f, "{} (not an article format)", self.path.display()),
            SkipReason::FolderNotes => write!(f, "{} (the folder's notes)", self.path.display()),
        }
    }
}

/// The one line that names what a run passed over, or `None` when it read everything.
pub fn skipped_line(skipped: &[Skipped]) -> Option<String> {
    const NAMED: usize = 5;
    if skipped.is_empty() {
        return None;
    }
    let mut names: Vec<String> = skipped.iter().take(NAMED).map(Skipped::to_string).collect();
    if skipped.len() > NAMED {
        names.push(format!("and {} more", skipped.len() - NAMED));
    }
    Some(format!("{} files in the folders were not read as articles: {}", skipped.len(), names.join(", ")))
}

/// The first of `inputs` that does not exist, as an error: a command checks
/// them all before it writes anything.
pub fn check_inputs_exist(inputs: &[PathBuf]) -> Result<(), ReadError> {
    for input in inputs {
        if input.as_os_str() != "-" && std::fs::symlink_metadata(input).is_err() {
            return Err(ReadError::new(&input.display().to_string(), None, "no such file or folder"));
        }
    }
    Ok(())
}

/// Reads every article under `inputs` (files, folders read recursively in
/// name order, or "-" for standard input) and hands each article or error to
/// `each`, in order. Returns the files of the folders that were passed over.
pub fn read_inputs(
    inputs: &[PathBuf],
    format: Option<Format>,
    each: &mut dyn FnMut(Result<Article, ReadError>),
) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            read_stream("<stdin>", &mut std::io::stdin().lock(), format, each);
            continue;
        }
        let shown = input.display().to_string();
        match std::fs::metadata(input) {
            Err(e) => each(Err(ReadError::new(&shown, None, format!("cannot read: {e}")))),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                if let Err(e) = collect_files(input, &mut files, &mut skipped) {
                    each(Err(e));
                }
                for file in files {
                    read_file(&file, format, each);
                }
            }
            Ok(_) => read_file(input, format, each),
        }
    }
    skipped
}

/// Whether a file in a folder is the folder's README ("README.md",
/// "readme.txt"): notes about the folder, kept beside the articles.
fn is_folder_notes(path: &Path) -> bool {
    path.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Files with a known article extension below `dir`, sorted, hidden ones
/// left out; the others are put in `skipped`.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) -> Result<(), ReadError> {
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
                collect_files(&p, out, skipped)?;
            }
        } else if is_folder_notes(&p) {
            skipped.push(Skipped { path: p, reason: SkipReason::FolderNotes });
        } else if Format::from_path(&p).is_some() {
            out.push(p);
        } else {
            skipped.push(Skipped { path: p, reason: SkipReason::UnsupportedType });
        }
    }
    Ok(())
}

fn read_file(path: &Path, format: Option<Format>, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    let shown = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(file) => {
            let format = format.or_else(|| Format::from_path(path));
            read_stream(&shown, &mut std::io::BufReader::with_capacity(READ_BUFFER_BYTES, file), format, each)
        }
        Err(e) => each(Err(ReadError::new(&shown, None, format!("cannot read: {e}")))),
    }
}

/// How much of a file is read at a time. One buffer, reused, instead of the
/// whole file: `extract` on a 50 MB feed peaks at 23 MB instead of 78 MB
/// (measured), and a feed of any size costs no more.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// How much of an input's start tells its encoding and format.
const HEAD_BYTES: usize = 8192;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads articles from one input named `name`. JSON Lines and CSV in UTF-8
/// are read a record at a time, so that memory holds one record whatever the
/// size of the file. Text and HTML are one article each and are read whole,
/// and so is UTF-16, whose records cannot be told apart before decoding.
pub fn read_stream(
    name: &str,
    input: &mut dyn BufRead,
    format: Option<Format>,
    each: &mut dyn FnMut(Result<Article, ReadError>),
) {
    let head = match input.fill_buf() {
        Ok(h) => &h[..h.len().min(HEAD_BYTES)],
        Err(e) => return each(Err(ReadError::new(name, None, format!("cannot read: {e}")))),
    };
    let utf8_bom = head.starts_with(UTF8_BOM);
    let byte_wise = match encoding_rs::Encoding::for_bom(head) {
        Some((encoding, _)) => encoding == encoding_rs::UTF_8,
        None => utf16_without_bom(head).is_none() && memchr::memchr(0, head).is_none(),
    };
    let body = if utf8_bom { &head[UTF8_BOM.len()..] } else { head };
    let format = format.unwrap_or_else(|| Format::sniff(&String::from_utf8_lossy(body)));
    if byte_wise && matches!(format, Format::Jsonl | Format::Csv) {
        if utf8_bom {
            input.consume(UTF8_BOM.len());
        }
        let any = match format {
            Format::Csv => csvin::read(name, input, each),
            _ => jsonl::read(name, input, each),
        };
        if !any {
            each(Err(ReadError::new(name, None, "empty file")));
        }
        return;
    }
    let mut bytes = Vec::new();
    match input.read_to_end(&mut bytes) {
        Ok(_) => read_bytes(name, &bytes, Some(format), each),
        Err(e) => each(Err(ReadError::new(name, None, format!("cannot read: {e}")))),
    }
}

/// Reads articles from the bytes of one input named `name`, decoded whole.
pub fn read_bytes(name: &str, bytes: &[u8], format: Option<Format>, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    let decoded = match decode(name, bytes) {
        Ok(d) => d,
        Err(e) => return each(Err(e)),
    };
    let data: &str = &decoded;
    if data.trim().is_empty() {
        return each(Err(ReadError::new(name, None, "empty file")));
    }
    let any = match format.unwrap_or_else(|| Format::sniff(data)) {
        Format::Text => {
            each(text::read(name, data));
            true
        }
        Format::Html => {
            each(html::read(name, data));
            true
        }
        Format::Jsonl => jsonl::read(name, &mut data.as_bytes(), each),
        Format::Csv => csvin::read(name, &mut data.as_bytes(), each),
    };
    if !any {
        each(Err(ReadError::new(name, None, "empty file")));
    }
}

/// One record's bytes as text: UTF-8, else the legacy 8-bit encoding that a
/// detector names for the record (a feed exported from an old system can
/// hold both).
fn decode_record(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    utf8_or_detected(bytes).map_err(|(at, encoding)| format!("neither UTF-8 nor {encoding} text (byte {})", at + 1))
}

/// The bytes as UTF-8, else in the encoding a detector names; or where the
/// UTF-8 breaks off and the encoding that could not read them either.
fn utf8_or_detected(bytes: &[u8]) -> Result<Cow<'_, str>, (usize, &'static str)> {
    let not_utf8 = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(e) => e,
    };
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err((not_utf8.valid_up_to(), encoding.name()));
    }
    Ok(text)
}

/// The text of a file as newsrooms save it, without its byte-order mark:
/// UTF-8, UTF-16 with a byte-order mark (or without one, told by its zero bytes), or a legacy 8-bit encoding
/// (Windows-1252, Latin-1 and their kin), which a detector names.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, ReadError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(ReadError::new(name, None, format!("invalid {} text", encoding.name())));
        }
        return Ok(text);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(text);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(ReadError::new(name, None, "binary file (NUL bytes), not an article"));
    }
    utf8_or_detected(bytes).map_err(|(at, encoding)| {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
        ReadError::new(name, Some(line), format!("neither UTF-8 nor {encoding} text"))
    })
}

/// UTF-16 written without a byte-order mark: in text of Latin letters every
/// other byte is zero, the odd ones for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
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
    Ok(Article::new(nonempty(id), nonempty(outlet), published, nonempty(url), nonempty(title), text, origin)
        .dated_by(PublishedFrom::Field))
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
        ];
        for (data, want) in cases {
            let got = read_all("x", data, None);
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].as_ref().unwrap_err().to_string(), *want);
        }
    }

    #[test]
    fn text_in_the_encodings_newsrooms_export_is_decoded() {
        let utf16le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Kyiv got €5 billion.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Kyiv got €5 billion.".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let utf16_no_bom: Vec<u8> = "Kyiv got €5 billion.".encode_utf16().flat_map(u16::to_le_bytes).collect();
        // Windows-1252: 0x80 is the euro sign, 0xFC "ü".
        let cp1252: &[u8] = b"Die Schweiz zahlt \x805 Milliarden f\xfcr den Wiederaufbau.";
        let latin1: &[u8] = b"L'\xe9tat fran\xe7ais verse 3 milliards d'euros \xe0 Kyiv.";
        let cases: &[(&[u8], &str)] = &[
            (&utf16le, "Kyiv got €5 billion."),
            (&utf16be, "Kyiv got €5 billion."),
            (&utf16_no_bom, "Kyiv got €5 billion."),
            (cp1252, "Die Schweiz zahlt €5 Milliarden für den Wiederaufbau."),
            (latin1, "L'état français verse 3 milliards d'euros à Kyiv."),
            ("\u{feff}UTF-8 with a mark: €5".as_bytes(), "UTF-8 with a mark: €5"),
        ];
        for (bytes, want) in cases {
            let got = read_all("x.txt", bytes, Some(Format::Text));
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].as_ref().map(|a| a.text.as_str()), Ok(*want), "{bytes:?}");
        }
    }

    #[test]
    fn a_record_with_no_date_takes_the_one_in_its_address() {
        let feed = concat!(
            r#"{"id": "a", "url": "https://news.example/2024/04/24/aid", "text": "It gave $5 billion."}"#,
            "\n",
            r#"{"id": "b", "published": "2024-05-01", "url": "https://news.example/2024/04/24/aid", "text": "$5 billion."}"#,
            "\n",
            r#"{"id": "c", "text": "It gave $5 billion."}"#,
            "\n"
        );
        let got: Vec<Article> = read_all("f.jsonl", feed.as_bytes(), None).into_iter().map(Result::unwrap).collect();
        let dates: Vec<(Option<String>, Option<PublishedFrom>)> =
            got.iter().map(|a| (a.published.map(|d| d.to_string()), a.published_from)).collect();
        assert_eq!(
            dates,
            [
                (Some("2024-04-24".to_string()), Some(PublishedFrom::Url)),
                (Some("2024-05-01".to_string()), Some(PublishedFrom::Field)),
                (None, None)
            ]
        );
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
    fn feeds_are_read_a_record_at_a_time_in_any_encoding() {
        let feed =
            "{\"id\": \"a\", \"text\": \"Kyiv got €5 billion.\"}\n{\"id\": \"b\", \"text\": \"$2 billion more.\"}\n";
        let with_bom: Vec<u8> = UTF8_BOM.iter().copied().chain(feed.bytes()).collect();
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(feed.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        for (bytes, format) in
            [(feed.as_bytes(), Some(Format::Jsonl)), (&with_bom[..], None), (&utf16[..], Some(Format::Jsonl))]
        {
            // A small buffer, as a pipe hands over its data.
            let mut input = std::io::BufReader::with_capacity(64, bytes);
            let mut got = Vec::new();
            read_stream("f", &mut input, format, &mut |r| got.push(r.map(|a| (a.id, a.text))));
            assert_eq!(
                got,
                [
                    Ok(("a".to_string(), "Kyiv got €5 billion.".to_string())),
                    Ok(("b".to_string(), "$2 billion more.".to_string()))
                ],
                "{format:?} {:?}",
                &bytes[..4]
            );
        }
        let mut blank = Vec::new();
        read_stream("e.jsonl", &mut &b"\n  \n"[..], Some(Format::Jsonl), &mut |r| blank.push(r.map(|a| a.id)));
        assert_eq!(blank, [Err(ReadError::new("e.jsonl", None, "empty file"))]);
    }

    #[test]
    fn sniffs_stdin() {
        assert_eq!(Format::sniff("  {\"text\": 1}"), Format::Jsonl);
        assert_eq!(Format::sniff("<html>"), Format::Html);
        assert_eq!(Format::sniff("date 2024-01-01 (X) hi"), Format::Text);
    }
}
