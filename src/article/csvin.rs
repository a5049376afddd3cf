//! CSV with a header naming the article columns (`text` required; `id`,
//! `outlet`, `published`, `url`, `title` optional, in any order).

use super::{from_fields, Article, ReadError};

pub(super) fn read(name: &str, data: &str, each: &mut dyn FnMut(Result<Article, ReadError>)) {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(data.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return each(Err(ReadError::new(name, Some(1), format!("bad CSV header: {e}")))),
    };
    let col = |k: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(k));
    let Some(text_col) = col("text") else {
        return each(Err(ReadError::new(name, Some(1), "the CSV header has no \"text\" column")));
    };
    let cols = [col("id"), col("outlet"), col("published"), col("url"), col("title")];
    for record in reader.records() {
        match record {
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                each(Err(ReadError::new(name, line, format!("bad CSV record: {}", short_csv_error(&e)))));
            }
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                let get = |c: Option<usize>| c.and_then(|i| r.get(i)).map(str::to_string);
                let text = get(Some(text_col)).unwrap_or_default();
                let [id, outlet, published, url, title] = cols.map(get);
                each(
                    from_fields(format!("{name}:{line}"), id, outlet, published, url, title, text)
                        .map_err(|m| ReadError::new(name, Some(line), m)),
                );
            }
        }
    }
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
        read("f.csv", data, &mut |r| got.push(r));
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
        read("g.csv", "a,b\n1,2\n", &mut |r| none.push(r));
        assert_eq!(none[0].as_ref().unwrap_err().to_string(), "g.csv:1: the CSV header has no \"text\" column");
    }
}
