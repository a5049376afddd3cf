//! HTML pages: the visible article text (inside `<article>` or `<main>` when
//! the page has one) without scripts, styles, navigation, headers, footers
//! and forms; title, date, outlet and address from the usual meta tags.

use super::{parse_date, Article, PublishedFrom, ReadError};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "template",
    "select", "option", "menu", "dialog", "head", "title", "meta", "link",
];

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
];

pub(super) fn read(name: &str, data: &str) -> Result<Article, ReadError> {
    let doc = Html::parse_document(data);
    let meta = |selectors: &[&str]| -> Option<String> {
        selectors.iter().find_map(|s| {
            let sel = Selector::parse(s).ok()?;
            doc.select(&sel).find_map(|e| {
                let v = e
                    .value()
                    .attr("content")
                    .or_else(|| e.value().attr("datetime"))
                    .or_else(|| e.value().attr("href"))?;
                let v = v.trim();
                (!v.is_empty()).then(|| v.to_string())
            })
        })
    };
    let page_title = Selector::parse("title").ok().and_then(|sel| {
        let t = collapse(&doc.select(&sel).next()?.text().collect::<String>());
        (!t.is_empty()).then_some(t)
    });
    let title = meta(&["meta[property='og:title']", "meta[name='twitter:title']"]).or_else(|| page_title.clone());
    let from_meta = meta(&[
        "meta[property='article:published_time']",
        "meta[property='og:published_time']",
        "meta[name='pubdate']",
        "meta[name='publish-date']",
        "meta[name='date']",
        "meta[itemprop='datePublished']",
        "meta[name='dc.date']",
        "time[datetime]",
    ])
    .and_then(|d| parse_date(&d));
    let ld = json_ld(&doc);
    let (published, published_from) = match (from_meta, ld.published) {
        (Some(d), _) => (Some(d), PublishedFrom::Meta),
        (None, Some(d)) => (Some(d), PublishedFrom::JsonLd),
        (None, None) => (None, PublishedFrom::Meta),
    };
    let outlet = meta(&["meta[property='og:site_name']", "meta[name='publisher']", "meta[name='application-name']"])
        .or(ld.publisher)
        .or_else(|| page_title.as_deref().and_then(outlet_in_title));
    let title = title.or(ld.headline);
    let url = meta(&["meta[property='og:url']", "link[rel='canonical']"]).or(ld.url);

    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next())
        .unwrap_or_else(|| doc.root_element());
    let mut out = String::new();
    walk(root, &mut out);
    let text = tidy(&out);
    if text.is_empty() {
        return Err(ReadError::new(name, None, "an HTML page with no visible article text"));
    }
    Ok(Article::new(None, outlet, published, url, title, text, name.to_string()).dated_by(published_from))
}

/// What a page's schema.org data (`<script type="application/ld+json">`)
/// says of the article: many news pages give their date and publisher only there.
#[derive(Debug, Default, PartialEq)]
struct LinkedData {
    published: Option<chrono::NaiveDate>,
    publisher: Option<String>,
    headline: Option<String>,
    url: Option<String>,
}

/// The kinds of schema.org item that are an article.
const ARTICLE_TYPES: &[&str] =
    &["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "Report"];

fn json_ld(doc: &Html) -> LinkedData {
    let mut out = LinkedData::default();
    let Ok(sel) = Selector::parse("script[type='application/ld+json']") else { return out };
    for script in doc.select(&sel) {
        let body: String = script.text().collect();
        // A page's broken JSON-LD is the page's problem: the text is still read.
        let Ok(value) = serde_json::from_str::<serde_json::Value>(body.trim()) else { continue };
        let mut items = Vec::new();
        flatten_items(&value, &mut items);
        // Articles before the page that holds them.
        items.sort_by_key(|item| !is_type(item, &ARTICLE_TYPES[..5]));
        for item in items.into_iter().filter(|i| is_type(i, ARTICLE_TYPES)) {
            let text =
                |key: &str| item.get(key).and_then(serde_json::Value::as_str).map(str::trim).filter(|s| !s.is_empty());
            out.published = out.published.or_else(|| text("datePublished").and_then(parse_date));
            out.headline = out.headline.take().or_else(|| text("headline").map(str::to_string));
            out.url = out.url.take().or_else(|| text("url").map(str::to_string));
            if out.publisher.is_none() {
                out.publisher = item.get("publisher").and_then(name_of);
            }
        }
    }
    out
}

/// The items of a JSON-LD value: itself, the elements of an array, the `@graph`.
fn flatten_items<'v>(value: &'v serde_json::Value, out: &mut Vec<&'v serde_json::Value>) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|i| flatten_items(i, out)),
        serde_json::Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                flatten_items(graph, out);
            }
            out.push(value);
        }
        _ => {}
    }
}

fn is_type(item: &serde_json::Value, types: &[&str]) -> bool {
    match item.get("@type") {
        Some(serde_json::Value::String(t)) => types.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A publisher as JSON-LD gives it: an object with a name, a list of them, or a plain name.
fn name_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Array(items) => items.iter().find_map(name_of),
        serde_json::Value::Object(map) => map.get("name").and_then(name_of),
        _ => None,
    }
}

/// The outlet a page's `<title>` ends with: "Aid bill passes - The Daily
/// Ledger", "Aid bill passes | Daily Ledger". Only a short last part, so a
/// headline with a dash in it is not taken for an outlet.
fn outlet_in_title(title: &str) -> Option<String> {
    let (head, tail) =
        [" | ", " - ", " – ", " — "].iter().filter_map(|sep| title.rsplit_once(sep)).max_by_key(|(h, _)| h.len())?;
    let tail = tail.trim();
    let words = tail.split_whitespace().count();
    (!head.trim().is_empty() && (1..=5).contains(&words) && tail.len() <= 40).then(|| tail.to_string())
}

fn walk(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s: &str = t;
                if s.chars().any(|c| !c.is_whitespace()) {
                    if s.starts_with(char::is_whitespace) && !out.ends_with([' ', '\n']) {
                        out.push(' ');
                    }
                    out.push_str(&collapse(s));
                    if s.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                } else if !out.is_empty() && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
            }
            Node::Element(e) => {
                let tag = e.name();
                if SKIP.contains(&tag) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
                    continue;
                }
                if tag == "br" {
                    out.push('\n');
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else { continue };
                let block = BLOCKS.contains(&tag);
                if block {
                    out.push_str("\n\n");
                }
                walk(child_el, out);
                if block {
                    out.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
}

/// Runs of whitespace become one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Blocks become paragraphs separated by one blank line.
fn tidy(s: &str) -> String {
    s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_page() {
        let page = r#"<!doctype html><html><head><title>Aid | Paper</title>
            <meta property="og:title" content="Aid bill passes">
            <meta property="og:site_name" content="The Daily Ledger">
            <meta property="article:published_time" content="2024-04-20T18:00:00Z">
            <link rel="canonical" href="https://example.org/aid">
            <script>var x = "$99 billion";</script><style>p{}</style></head>
            <body><nav>Home | $1 subscription</nav><article><h1>Aid bill passes</h1>
            <p>The House passed   a <b>$61 billion</b> package.</p><p>It goes to the Senate.</p>
            <aside>Ad: $5</aside></article><footer>(c) 2024</footer></body></html>"#;
        let a = read("p.html", page).unwrap();
        assert_eq!(a.title.as_deref(), Some("Aid bill passes"));
        assert_eq!(a.outlet.as_deref(), Some("The Daily Ledger"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-04-20"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/aid"));
        assert_eq!(a.text, "Aid bill passes\n\nThe House passed a $61 billion package.\n\nIt goes to the Senate.");
    }

    #[test]
    fn json_ld_gives_the_date_and_the_publisher() {
        let page = r#"<html><head><title>Aid bill passes</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Site"},
              {"@type": ["NewsArticle"], "headline": "Aid bill passes", "datePublished": "2024-04-20T18:00:00+02:00",
               "publisher": {"@type": "Organization", "name": "Harbor Gazette"}, "url": "https://example.org/a"}]}
            </script><script type="application/ld+json">{ not json </script></head>
            <body><p>The House passed a $61 billion package.</p></body></html>"#;
        let a = read("p.html", page).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Harbor Gazette"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-04-20"));
        assert_eq!(a.published_from, Some(PublishedFrom::JsonLd));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn the_title_names_the_outlet_when_nothing_else_does() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Aid bill passes - The Daily Ledger", Some("The Daily Ledger")),
            ("Aid bill passes | Coastal Observer", Some("Coastal Observer")),
            ("Kyiv - the long winter of a city under fire and what comes next for it", None),
            ("Aid bill passes", None),
        ];
        for (title, want) in cases {
            assert_eq!(outlet_in_title(title).as_deref(), *want, "{title}");
        }
        let page = "<html><head><title>Aid - Summit Weekly</title></head><body><p>$5 billion.</p></body></html>";
        assert_eq!(read("t.html", page).unwrap().outlet.as_deref(), Some("Summit Weekly"));
    }

    #[test]
    fn an_address_with_a_date_dates_an_undated_page() {
        let page = r#"<html><head><link rel="canonical" href="https://example.org/2024/04/24/aid-bill">
            </head><body><p>The House passed a $61 billion package.</p></body></html>"#;
        let a = read("u.html", page).unwrap();
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-04-24"));
        assert_eq!(a.published_from, Some(PublishedFrom::Url));
    }

    #[test]
    fn an_empty_page_is_an_error() {
        let e = read("e.html", "<html><body><script>x</script></body></html>").unwrap_err();
        assert_eq!(e.to_string(), "e.html: an HTML page with no visible article text");
    }
}
