//! HTML pages: the visible article text (inside `<article>` or `<main>` when
//! the page has one) without scripts, styles, navigation, headers, footers
//! and forms; title, date, outlet and address from the usual meta tags.

use super::{parse_date, Article, ReadError};
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
    let title = meta(&["meta[property='og:title']", "meta[name='twitter:title']"]).or_else(|| {
        let sel = Selector::parse("title").ok()?;
        let t: String = doc.select(&sel).next()?.text().collect();
        let t = collapse(&t);
        (!t.is_empty()).then_some(t)
    });
    let published = meta(&[
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
    let outlet = meta(&["meta[property='og:site_name']", "meta[name='publisher']", "meta[name='application-name']"]);
    let url = meta(&["meta[property='og:url']", "link[rel='canonical']"]);

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
    Ok(Article::new(None, outlet, published, url, title, text, name.to_string()))
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
    fn an_empty_page_is_an_error() {
        let e = read("e.html", "<html><body><script>x</script></body></html>").unwrap_err();
        assert_eq!(e.to_string(), "e.html: an HTML page with no visible article text");
    }
}
